package com.usdtagent.persistence;

import com.usdtagent.application.health.DatabaseProbe;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

final class JdbiDatabaseProbe implements DatabaseProbe {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiDatabaseProbe.class);
    private static final int TIMEOUT_SECONDS = 2;

    private final Jdbi jdbi;

    JdbiDatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean answers() {
        try {
            // the wait is bounded here too: taking a connection from an exhausted pool is not covered by the
            // query timeout and could block for the pool's much longer connection timeout
            return CompletableFuture.supplyAsync(this::selectOne, task -> Thread.ofVirtual().start(task))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debug("The database does not answer", e);
            return false;
        }
    }

    private boolean selectOne() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                .setQueryTimeout(TIMEOUT_SECONDS)
                .mapTo(Integer.class)
                .one()) == 1;
    }
}
