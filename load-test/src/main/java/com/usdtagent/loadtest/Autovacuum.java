package com.usdtagent.loadtest;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Autovacuum's work on the benchmark's database when the database server has autovacuum off, as this machine's CI
 * configuration does: every {@link #EVERY} (autovacuum_naptime = 10s, as a server tuned for this write rate would
 * have it) each table past autovacuum's default thresholds is vacuumed, analyzed, or both. Without it room_member,
 * whose rows every message updates twice, piles up dead versions for the whole run and never gets statistics, which
 * no production database sees. It is throttled as autovacuum is (autovacuum_vacuum_cost_delay = 2ms, the default),
 * so that its work is spread out rather than taking a core at once. Its CPU is PostgreSQL's, counted with the rest.
 */
final class Autovacuum implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(10);
    /** autovacuum's default thresholds: dead rows, rows inserted since the last vacuum, rows changed since analyze. */
    private static final String DUE = """
            SELECT CASE WHEN to_vacuum AND to_analyze THEN 'VACUUM (ANALYZE) ' WHEN to_vacuum THEN 'VACUUM ' ELSE 'ANALYZE ' END
                   || quote_ident(schemaname) || '.' || quote_ident(relname)
            FROM pg_stat_user_tables,
                 LATERAL (SELECT n_dead_tup > 50 + 0.2 * n_live_tup
                                 OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup AS to_vacuum,
                                 n_mod_since_analyze > 50 + 0.1 * n_live_tup AS to_analyze) due
            WHERE to_vacuum OR to_analyze
            """;

    private final ScheduledExecutorService timer;

    private Autovacuum(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Stands in for autovacuum on the database at this URL if the server's is off; otherwise does nothing. */
    static Autovacuum standInIfOff(String url, Duration every) throws SQLException {
        if (serverRunsIt(url)) {
            return new Autovacuum(null);
        }
        var timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("autovacuum")
                .factory());
        timer.scheduleWithFixedDelay(() -> vacuum(url), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Autovacuum(timer);
    }

    boolean standingIn() {
        return timer != null;
    }

    private static boolean serverRunsIt(String url) throws SQLException {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement();
             var setting = statement.executeQuery("SHOW autovacuum")) {
            setting.next();
            return setting.getString(1).equals("on");
        }
    }

    /** Each table past autovacuum's default thresholds is vacuumed or analyzed, or both, as autovacuum would. */
    private static void vacuum(String url) {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("SET vacuum_cost_delay = '2ms'");
            List<String> due = new ArrayList<>();
            try (var tables = statement.executeQuery(DUE)) {
                while (tables.next()) {
                    due.add(tables.getString(1));
                }
            }
            for (String command : due) {
                statement.execute(command);
            }
        } catch (SQLException e) {
            // the next round tries again; the database may be going away at the end of the run
            System.err.println("autovacuum's stand-in: " + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
