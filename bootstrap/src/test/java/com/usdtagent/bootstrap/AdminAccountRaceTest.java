package com.usdtagent.bootstrap;

import com.usdtagent.application.account.EnsureAdminAccountService;
import com.usdtagent.identity.Identity;
import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.PostgresPersistence;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The nodes of a cluster start together, each told to ensure the same admin account: all of them start. */
class AdminAccountRaceTest {

    @Test
    void aNodeThatLosesTheRaceForTheAdminAccountFindsItCreated() throws Exception {
        JdbcTarget database = TestDatabases.fresh();
        try (var persistence = PostgresPersistence.open(database, new SimpleMeterRegistry(), 2);
             Connection otherNode = connect(database)) {
            var ensure = new EnsureAdminAccountService(persistence.userAccounts(), Identity.passwordHasher(),
                    persistence.transactions(), Clock.systemUTC());
            otherNode.setAutoCommit(false);
            try (var insert = otherNode.createStatement()) {
                insert.execute("""
                        INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
                        VALUES (gen_random_uuid(), 'root_admin', NULL, 'hash', 'admin', now())""");
            }

            var ensuring = CompletableFuture.supplyAsync(() -> ensure.ensure("root_admin", "admin-password-1"));
            // it has looked, found nothing committed, and waits on the other node's insert
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock(otherNode));
            otherNode.commit();

            assertThat(ensuring.get(10, TimeUnit.SECONDS)).as("created by this node").isFalse();
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        return target.user() == null ? DriverManager.getConnection(target.url())
                : DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    private static boolean waitingOnALock(Connection connection) throws SQLException {
        try (var query = connection.createStatement();
             var result = query.executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock'""")) {
            result.next();
            return result.getInt(1) > 0;
        }
    }
}
