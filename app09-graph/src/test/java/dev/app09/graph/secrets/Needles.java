package dev.app09.graph.secrets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * What must never appear in app09's output, searched in text and in bytes: secrets and passwords
 * whole and by their random tail, and private keys by every part that is secret, in each form a
 * key is printed in: base64 of its PKCS#8 and PKCS#1 encodings (a PEM body, on one line or
 * wrapped), hex and decimal of its private exponent and primes (BouncyCastle's and the JDK's
 * {@code toString}), base64 and base64url of the exponent (a JWK), and the raw bytes. Long values
 * are searched as overlapping slices, so an excerpt is found as well as the whole; only slices
 * that hold secret bytes are kept, so the public modulus a certificate also carries is never
 * mistaken for a leak.
 */
final class Needles {

    private static final int TEXT_SLICE = 32;
    private static final int TEXT_STEP = 16;
    private static final int BYTE_SLICE = 24;
    private static final int BYTE_STEP = 12;
    private static final int TAIL = 16;
    /** A piece of a secret's random part that chance does not write (hex: 16^8 values). */
    private static final int WINDOW = 8;

    private final Map<String, List<String>> text = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> bytes = new LinkedHashMap<>();

    private Needles() {
    }

    static Needles create() {
        return new Needles();
    }

    /**
     * A secret or a password: found whole, or by its last {@value #TAIL} characters.
     *
     * @param name what it is, for failure messages
     * @param value a distinctive value, longer than {@value #TAIL} characters
     */
    Needles secret(String name, String value) {
        requireNonNull(value, name);
        if (value.length() <= TAIL) {
            throw new IllegalArgumentException(name + " is too short to be searched for without false alarms");
        }
        add(name, value);
        add(name + " (its tail)", value.substring(value.length() - TAIL));
        // Any 8 characters of its random part: more of a secret than Graph's three-character hint shows.
        String random = value.substring(value.lastIndexOf('-') + 1);
        for (int at = 0; at + WINDOW <= random.length(); at++) {
            add(name + " (8 characters of it)", random.substring(at, at + WINDOW));
        }
        bytes.computeIfAbsent(name, n -> new ArrayList<>()).add(value.getBytes(StandardCharsets.UTF_8));
        bytes.get(name).add(value.getBytes(StandardCharsets.UTF_16BE));
        return this;
    }

    /**
     * An RSA private key, in every form that holds its secret part.
     *
     * @param name what it is, for failure messages
     * @param key the key
     */
    Needles privateKey(String name, PrivateKey key) {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        byte[] pkcs8 = key.getEncoded();
        byte[] pkcs1;
        try {
            pkcs1 = PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] d = magnitude(rsa.getPrivateExponent());
        addBase64(name + ": base64 of its PKCS#8 (a PEM PRIVATE KEY body)", pkcs8, indexOf(pkcs8, d));
        addBase64(name + ": base64 of its PKCS#1 (a PEM RSA PRIVATE KEY body)", pkcs1, indexOf(pkcs1, d));
        for (var part : Map.of("private exponent", rsa.getPrivateExponent(), "prime p", rsa.getPrimeP(),
                "prime q", rsa.getPrimeQ()).entrySet()) {
            String hex = part.getValue().toString(16);
            addSlices(name + ": hex of its " + part.getKey(), hex);
            addSlices(name + ": hex of its " + part.getKey(), hex.toUpperCase(Locale.ROOT));
            addSlices(name + ": hex of its " + part.getKey(), HexFormat.of().formatHex(magnitude(part.getValue())));
            addSlices(name + ": decimal of its " + part.getKey(), part.getValue().toString());
            List<byte[]> raw = bytes.computeIfAbsent(name + ": the bytes of its " + part.getKey(), n -> new ArrayList<>());
            byte[] value = magnitude(part.getValue());
            for (int at = 0; at + BYTE_SLICE <= value.length; at += BYTE_STEP) {
                raw.add(Arrays.copyOfRange(value, at, at + BYTE_SLICE));
            }
        }
        addSlices(name + ": base64 of its private exponent (a JWK)", Base64.getEncoder().encodeToString(d));
        addSlices(name + ": base64url of its private exponent (a JWK)", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(d));
        return this;
    }

    /** @return the needles found in the text, by name; empty when none is */
    List<String> foundIn(String haystack) {
        List<String> found = new ArrayList<>();
        text.forEach((name, needles) -> {
            if (needles.stream().anyMatch(haystack::contains)) {
                found.add(name);
            }
        });
        return found;
    }

    /** @return the needles found in the bytes, read as text or as raw bytes; empty when none is */
    List<String> foundIn(byte[] haystack) {
        List<String> found = new ArrayList<>(foundIn(new String(haystack, StandardCharsets.ISO_8859_1)));
        found.addAll(foundIn(new String(haystack, StandardCharsets.UTF_16BE)));
        found.addAll(foundIn(new String(haystack, StandardCharsets.UTF_16LE)));
        bytes.forEach((name, needles) -> {
            if (needles.stream().anyMatch(n -> indexOf(haystack, n) >= 0)) {
                found.add(name);
            }
        });
        return found.stream().distinct().toList();
    }

    private void add(String name, String needle) {
        text.computeIfAbsent(name, n -> new ArrayList<>()).add(needle);
    }

    /** Overlapping slices of a long value: any excerpt of 48 characters holds one. */
    private void addSlices(String name, String value) {
        for (int at = 0; at + TEXT_SLICE <= value.length(); at += TEXT_STEP) {
            add(name, value.substring(at, at + TEXT_SLICE));
        }
    }

    /**
     * Slices of the base64 of an encoding that cover its secret part (from {@code secretFrom} on):
     * the part before it (the modulus, the public exponent) is in every certificate too.
     */
    private void addBase64(String name, byte[] encoding, int secretFrom) {
        if (secretFrom < 0) {
            throw new IllegalStateException(name + ": the private exponent is not in the encoding");
        }
        String base64 = Base64.getEncoder().encodeToString(encoding);
        for (int at = 0; at + TEXT_SLICE <= base64.length(); at += TEXT_STEP) {
            int lastByte = at / 4 * 3 + TEXT_SLICE / 4 * 3;
            if (lastByte > secretFrom) {
                add(name, base64.substring(at, at + TEXT_SLICE));
            }
        }
    }

    /** The unsigned bytes of a number, without the sign byte DER adds. */
    private static byte[] magnitude(BigInteger value) {
        byte[] signed = value.toByteArray();
        return signed[0] == 0 ? Arrays.copyOfRange(signed, 1, signed.length) : signed;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
