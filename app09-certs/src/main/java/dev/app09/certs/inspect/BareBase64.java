package dev.app09.certs.inspect;

import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Base64 text without PEM armour: the DER of a certificate as Graph's keyCredential {@code key}
 * carries it, or a PFX as a key vault hands it out.
 */
final class BareBase64 {

    /** Standard alphabet, padding only at the end; whitespace is removed first. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private BareBase64() {}

    /**
     * @param text untrusted text
     * @return the bytes it encodes, or null when it is not base64
     */
    static byte @Nullable [] decode(String text) {
        String compact = WHITESPACE.matcher(text).replaceAll("");
        if (compact.isEmpty() || !BASE64.matcher(compact).matches()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
