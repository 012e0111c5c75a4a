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

/**
 * Opaque skip tokens: the position of the next page and its number, bound to one collection and
 * to the query it pages ({@code $select}, {@code $expand}, {@code $filter}, ...), sealed with a key
 * of the tenant served now. A client that builds its own token, or rebuilds the link around one
 * (instead of following {@code @odata.nextLink} verbatim), gets a 400 as it would from Graph.
 */
final class SkipTokens {

    /** Where the next page starts, and its 1-based number. */
    record Position(int index, int page) {
    }

    private static final int MAC_BYTES = 12;

    private final SecretKeySpec key;

    SkipTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String encode(Endpoint collection, String query, Position position) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + MAC_BYTES);
        buffer.putInt(position.index()).putInt(position.page());
        buffer.put(mac(collection, query, Arrays.copyOf(buffer.array(), 8)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    Position decode(Endpoint collection, String query, String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != 8 + MAC_BYTES
                || !MessageDigest.isEqual(mac(collection, query, Arrays.copyOf(bytes, 8)), Arrays.copyOfRange(bytes, 8, bytes.length))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new Position(buffer.getInt(), buffer.getInt());
    }

    private byte[] mac(Endpoint collection, String query, byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((collection.name() + "?" + query + "#").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(position), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static GraphError invalid() {
        return GraphError.badRequest("Invalid $skiptoken for this request: follow @odata.nextLink as it is.");
    }
}
