package dev.app09.core.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * The opaque bytes of a credential's {@code customKeyIdentifier}.
 *
 * <p>Graph stores no single encoding here (a raw SHA-1 thumbprint, hex text decoded as base64,
 * 32 bytes, ...), so app09 compares the bytes and never interprets them. Immutable: the bytes are
 * copied in and out.
 */
public final class KeyIdentifier {

    private final byte[] bytes;

    private KeyIdentifier(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of the given bytes.
     *
     * @param bytes the identifier's bytes, as Graph sent them (base64-decoded)
     * @return the identifier
     */
    public static KeyIdentifier of(byte[] bytes) {
        return new KeyIdentifier(bytes.clone());
    }

    /**
     * Decodes standard base64, as Graph sends binary properties.
     *
     * @param base64 the encoded bytes
     * @return the identifier
     * @throws IllegalArgumentException when the text is not base64
     */
    public static KeyIdentifier ofBase64(String base64) {
        return new KeyIdentifier(Base64.getDecoder().decode(base64));
    }

    /** @return a copy of the bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return whether there are no bytes (such an identifier never pairs credentials) */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** @return the bytes in standard base64, as Graph writes them */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyIdentifier other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
