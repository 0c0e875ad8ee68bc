package com.usdtagent.media;

import java.util.concurrent.Semaphore;

/**
 * Bounds the memory that decoded images take at once: a decode reserves what its pixels need and waits while others
 * hold the rest. An image needing more than the whole budget waits until it has it all, then runs alone.
 */
final class DecodeBudget {

    /** The decoded image and its upright copy, at most 4 bytes a pixel each. */
    static final long BYTES_PER_PIXEL = 8;
    private static final long MIB = 1 << 20;

    private final Semaphore mebibytes;
    private final int total;

    DecodeBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / MIB));
        this.mebibytes = new Semaphore(total, true);
    }

    /** Closing the reservation gives its share back. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    Reservation reserve(long pixels) {
        int needed = (int) Math.min(total, Math.max(1, pixels * BYTES_PER_PIXEL / MIB));
        mebibytes.acquireUninterruptibly(needed);
        return () -> mebibytes.release(needed);
    }
}
