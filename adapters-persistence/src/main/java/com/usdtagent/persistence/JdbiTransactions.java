package com.usdtagent.persistence;

import com.usdtagent.application.shared.Transactions;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Jdbi keeps the handle it opens for a transaction in a thread-local scope, and {@code jdbi.withHandle} on the
 * same thread returns that handle instead of opening another. So the repositories, which each call
 * {@code withHandle}, join the transaction without being handed it; a nested call joins the outer transaction.
 */
final class JdbiTransactions implements Transactions {

    /** PostgreSQL's "the server is shutting down or was told to end this connection"; class 08 is any lost link. */
    private static final Set<String> TERMINATED = Set.of("57P01", "57P02", "57P03");

    private final Jdbi jdbi;
    private final HikariDataSource pool;

    JdbiTransactions(Jdbi jdbi, HikariDataSource pool) {
        this.jdbi = jdbi;
        this.pool = pool;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (RuntimeException failure) {
            if (failure instanceof ConnectionLost || !brokeTheConnection(failure)) { // the former: a nested one's
                throw failure;
            }
            // one broken connection usually means the server restarted, which broke every pooled one: retire them
            // all, so that the next transaction does not pick another dead one
            pool.getHikariPoolMXBean().softEvictConnections();
            throw new ConnectionLost(failure);
        }
    }

    private static boolean brokeTheConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TERMINATED.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
