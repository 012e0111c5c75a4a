package dev.app09.core.rules;

import java.util.UUID;

/**
 * A set of UUIDs held as pairs of longs in open addressing, at most half full: 34 to 68 bytes per
 * member, where a {@code HashSet<UUID>} costs about 80 and keeps each UUID object alive. A
 * million-object tenant's appIds fit in a few tens of megabytes.
 * Not thread-safe.
 */
final class UuidSet {

    private static final int MIN_CAPACITY = 16;

    private long[] most = new long[MIN_CAPACITY];
    private long[] least = new long[MIN_CAPACITY];
    private boolean[] used = new boolean[MIN_CAPACITY];
    private int size;

    /**
     * @param id a UUID
     * @return true when it was not in the set (and now is)
     */
    boolean add(UUID id) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /**
     * @param id a UUID
     * @return whether it is in the set
     */
    boolean contains(UUID id) {
        long m = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        int mask = used.length - 1;
        for (int i = slot(m, l, mask); used[i]; i = (i + 1) & mask) {
            if (most[i] == m && least[i] == l) {
                return true;
            }
        }
        return false;
    }

    /** @return how many UUIDs the set holds */
    int size() {
        return size;
    }

    private boolean insert(long m, long l) {
        int mask = used.length - 1;
        int i = slot(m, l, mask);
        while (used[i]) {
            if (most[i] == m && least[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        most[i] = m;
        least[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldMost = most;
        long[] oldLeast = least;
        boolean[] oldUsed = used;
        most = new long[oldUsed.length * 2];
        least = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldMost[i], oldLeast[i]);
            }
        }
    }

    /** Mixes both halves (ids made of a counter and a constant must still spread). */
    private static int slot(long m, long l, int mask) {
        long h = (m ^ Long.rotateLeft(l, 29)) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
