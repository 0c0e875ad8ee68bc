package com.usdtagent.loadtest;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On a database server with autovacuum off, the benchmark's database is vacuumed and analyzed all the same. */
class AutovacuumTest {

    private static final String ADMIN_URL = System.getenv().getOrDefault("TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    @Test
    void theStandInVacuumsAndAnalyzesTheRunsDatabaseOnlyWhenTheServerDoesNot() throws Exception {
        try (var database = LoadTest.Database.fresh(ADMIN_URL)) {
            String url = database.url();
            // a table with a dead version of every row, as room_member has after a run's sends
            execute(url, "CREATE TABLE churn (id int PRIMARY KEY, n int)");
            execute(url, "INSERT INTO churn SELECT g, 0 FROM generate_series(1, 1000) g");
            execute(url, "UPDATE churn SET n = 1");
            boolean serverRunsIt = query(url, "SHOW autovacuum").equals("on");

            try (var autovacuum = Autovacuum.standInIfOff(url, Duration.ofMillis(200))) {
                assertThat(autovacuum.standingIn()).isEqualTo(!serverRunsIt);
                if (!serverRunsIt) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> query(url,
                            "SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL AND n_dead_tup = 0"
                                    + " FROM pg_stat_user_tables WHERE relname = 'churn'").equals("t"));
                }
            }
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
