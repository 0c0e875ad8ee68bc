package com.usdtagent.persistence;

import com.usdtagent.application.shared.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/**
 * Jdbi keeps the handle it opens for a transaction in a thread-local scope, and {@code jdbi.withHandle} on the
 * same thread returns that handle instead of opening another. So the repositories, which each call
 * {@code withHandle}, join the transaction without being handed it; a nested call joins the outer transaction.
 */
final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
