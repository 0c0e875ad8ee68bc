package com.usdtagent.application.shared;

import java.util.function.Supplier;

/** Runs work in one database transaction, so that a use case can span several repositories. */
public interface Transactions {

    /**
     * Runs the work in a transaction and commits it.
     *
     * @throws ConnectionLost when the connection to the database broke on the way; the next transaction gets a
     *                        fresh one
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * The connection to the database broke during the transaction, as when the database restarts. Nothing of it was
     * committed, unless it broke during the commit itself, which cannot be told from here: only work that knows its
     * own earlier result again (an idempotency key, a sender's clientMessageId) may simply be run again.
     */
    final class ConnectionLost extends RuntimeException {

        public ConnectionLost(Throwable cause) {
            super("the connection to the database broke", cause);
        }
    }
}
