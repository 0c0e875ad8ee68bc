package com.usdtagent.persistence;

import com.usdtagent.application.account.AttemptCounters;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/** {@link AttemptCounters} in {@code attempt_counter}. Joins the caller's transaction when there is one. */
final class JdbiAttemptCounters implements AttemptCounters {

    // one statement, so that two nodes counting the same key at once both count: the second waits for the row
    private static final String ADD = """
            INSERT INTO attempt_counter AS counter (key, attempts, window_started_at) VALUES (:key, 1, :now)
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN counter.window_started_at < :windowStart
                                 AND coalesce(counter.blocked_until, counter.window_started_at) < :windowStart
                           THEN 1 ELSE counter.attempts + 1 END,
                window_started_at = CASE WHEN counter.window_started_at < :windowStart
                                          AND coalesce(counter.blocked_until, counter.window_started_at) < :windowStart
                                    THEN :now ELSE counter.window_started_at END
            RETURNING attempts, window_started_at
            """;
    private static final String BLOCK = """
            INSERT INTO attempt_counter AS counter (key, attempts, window_started_at, blocked_until)
            VALUES (:key, 0, :until, :until)
            ON CONFLICT (key) DO UPDATE SET blocked_until = greatest(counter.blocked_until, EXCLUDED.blocked_until)
            """;
    private static final String BLOCKED_UNTIL =
            "SELECT blocked_until FROM attempt_counter WHERE key = :key AND blocked_until > :now";
    private static final String CLEAR = "DELETE FROM attempt_counter WHERE key = :key";
    private static final String FORGET = """
            DELETE FROM attempt_counter
            WHERE window_started_at < :before AND coalesce(blocked_until, window_started_at) < :before
            """;

    private final Jdbi jdbi;

    JdbiAttemptCounters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Count add(String key, Instant now, Instant windowStart) {
        return jdbi.withHandle(handle -> handle.createQuery(ADD)
                .bind("key", key)
                .bind("now", Timestamps.utc(now))
                .bind("windowStart", Timestamps.utc(windowStart))
                .map((row, context) -> new Count(row.getInt("attempts"), Timestamps.instant(row, "window_started_at")))
                .one());
    }

    @Override
    public void block(String key, Instant until) {
        jdbi.useHandle(handle -> handle.createUpdate(BLOCK)
                .bind("key", key)
                .bind("until", Timestamps.utc(until))
                .execute());
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(BLOCKED_UNTIL)
                .bind("key", key)
                .bind("now", Timestamps.utc(now))
                .map((row, context) -> Timestamps.instant(row, "blocked_until"))
                .findOne());
    }

    @Override
    public void clear(String key) {
        jdbi.useHandle(handle -> handle.createUpdate(CLEAR).bind("key", key).execute());
    }

    @Override
    public void forgetBefore(Instant before) {
        jdbi.useHandle(handle -> handle.createUpdate(FORGET).bind("before", Timestamps.utc(before)).execute());
    }
}
