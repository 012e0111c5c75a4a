package dev.app09.testkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals the state a token carries with a key of the tenant served now, so that clients cannot
 * read meaning into it, build one, or move one to where it does not belong: the seal covers a
 * scope (the collection and query the token was issued for) beside the state.
 */
final class TokenSeal {

    private static final int MAC_BYTES = 12;

    private final SecretKeySpec key;

    TokenSeal() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @return the state and its seal, in URL-safe Base64 without padding */
    String seal(String scope, byte[] state) {
        ByteBuffer buffer = ByteBuffer.allocate(state.length + MAC_BYTES);
        buffer.put(state).put(mac(scope, state));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * @return the state of a token sealed here for that scope, or null for any other token
     *     (garbage, hand-made, tampered with, issued for another scope or tenant)
     */
    byte @Nullable [] open(String scope, String token, int stateBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != stateBytes + MAC_BYTES) {
            return null;
        }
        byte[] state = Arrays.copyOf(bytes, stateBytes);
        return MessageDigest.isEqual(mac(scope, state), Arrays.copyOfRange(bytes, stateBytes, bytes.length))
                ? state : null;
    }

    private byte[] mac(String scope, byte[] state) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((scope + "#").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(state), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
