package dev.app09.testkit.server;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The opaque state tokens of delta queries: the {@code $deltatoken} of an {@code
 * @odata.deltaLink} (a round to come, reporting the changes after a version) and the {@code
 * $skiptoken} of a delta {@code @odata.nextLink} (the rest of a round). Each carries, as Graph's
 * do, the query of the round's first request ({@code $top}, {@code $select}), is bound to one
 * collection and one kind, and is sealed with a key of the tenant served now: a token built,
 * altered, or moved by hand answers 400. Each also carries its serial number, so that {@link
 * #expireAll()} can expire every token issued so far (410 {@code syncStateNotFound}, Graph's
 * "start again from a full round") and so that no two links are the same.
 */
final class DeltaTokens {

    /** The two kinds of token, which cannot stand in for each other. */
    enum Kind {
        /** {@code $deltatoken}: a round to come. */
        DELTA,
        /** {@code $skiptoken}: the next page of the current round. */
        SKIP
    }

    /**
     * Where a delta round stands.
     *
     * @param since the version whose later changes the round reports, or {@link #FULL} for a
     *     round that returns every current object
     * @param until the version the round stops at: changes after it wait for the next round
     *     (unused by a delta link, whose round starts when it is followed)
     * @param position the position the next page starts at
     * @param page the number of the next page, from 1
     * @param top the page size
     * @param select the selected properties, as bits over the collection's property list
     */
    record Cursor(long since, long until, int position, int page, int top, int select) {

        /** @return whether the round returns every current object rather than the changes */
        boolean full() {
            return since == FULL;
        }
    }

    /** {@link Cursor#since()} of a round that returns every current object. */
    static final long FULL = -1;

    private static final int STATE_BYTES = 8 + 8 + 8 + 4 + 4 + 4 + 4;

    private final TokenSeal seal = new TokenSeal();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong validFrom = new AtomicLong();

    String encode(Endpoint collection, Kind kind, Cursor cursor) {
        byte[] state = ByteBuffer.allocate(STATE_BYTES).putLong(issued.getAndIncrement()).putLong(cursor.since())
                .putLong(cursor.until()).putInt(cursor.position()).putInt(cursor.page()).putInt(cursor.top())
                .putInt(cursor.select()).array();
        return seal.seal(scope(collection, kind), state);
    }

    /**
     * @throws GraphError 400 for a token not issued here for this collection and kind, 410 {@code
     *     syncStateNotFound} for one issued before {@link #expireAll()}
     */
    Cursor decode(Endpoint collection, Kind kind, String token) {
        byte[] state = seal.open(scope(collection, kind), token, STATE_BYTES);
        if (state == null) {
            String name = kind == Kind.DELTA ? "$deltatoken" : "$skiptoken";
            throw GraphError.badRequest("Invalid " + name + " for this request: follow @odata."
                    + (kind == Kind.DELTA ? "deltaLink" : "nextLink") + " as it is.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(state);
        if (buffer.getLong() < validFrom.get()) {
            throw new GraphError(410, "syncStateNotFound",
                    "The sync state generation is not found. The delta token is expired and data must be synchronized"
                            + " again.");
        }
        return new Cursor(buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getInt(), buffer.getInt(),
                buffer.getInt());
    }

    /** Every token issued so far answers 410 from now on; later ones are valid. */
    void expireAll() {
        validFrom.accumulateAndGet(issued.get(), Math::max);
    }

    private static String scope(Endpoint collection, Kind kind) {
        return "delta:" + kind + ":" + collection.name();
    }
}
