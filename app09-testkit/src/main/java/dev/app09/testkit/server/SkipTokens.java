package dev.app09.testkit.server;

import java.nio.ByteBuffer;

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

    private static final int STATE_BYTES = 8;

    private final TokenSeal seal = new TokenSeal();

    String encode(Endpoint collection, String query, Position position) {
        byte[] state = ByteBuffer.allocate(STATE_BYTES).putInt(position.index()).putInt(position.page()).array();
        return seal.seal(scope(collection, query), state);
    }

    Position decode(Endpoint collection, String query, String token) {
        byte[] state = seal.open(scope(collection, query), token, STATE_BYTES);
        if (state == null) {
            throw GraphError.badRequest("Invalid $skiptoken for this request: follow @odata.nextLink as it is.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(state);
        return new Position(buffer.getInt(), buffer.getInt());
    }

    private static String scope(Endpoint collection, String query) {
        return collection.name() + "?" + query;
    }
}
