package com.usdtagent.memory;

import com.usdtagent.application.account.AttemptCounters;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Attempts per key, as {@code JdbiAttemptCounters}: counting locks the key's row, so two counts take turns. */
final class MemoryAttemptCounters implements AttemptCounters {

    /** @param blockedUntil null when the key was never blocked */
    private record Counter(int attempts, Instant windowStartedAt, Instant blockedUntil) {

        boolean quietSince(Instant time) {
            return windowStartedAt.isBefore(time) && (blockedUntil == null || blockedUntil.isBefore(time));
        }
    }

    private final MemoryStore store;
    private final Table<String, Counter> counters;

    MemoryAttemptCounters(MemoryStore store) {
        this.store = store;
        this.counters = new Table<>(store);
    }

    @Override
    public Count add(String key, Instant now, Instant windowStart) {
        return store.atomically(() -> {
            Counter counted = counters.lock(key)
                    .filter(counter -> !counter.quietSince(windowStart))
                    .map(counter -> new Counter(counter.attempts() + 1, counter.windowStartedAt(), counter.blockedUntil()))
                    .orElseGet(() -> new Counter(1, now, counters.find(key).map(Counter::blockedUntil).orElse(null)));
            counters.put(key, counted);
            return new Count(counted.attempts(), counted.windowStartedAt());
        });
    }

    @Override
    public void block(String key, Instant until) {
        store.atomically(() -> {
            Counter counter = counters.lock(key).orElse(new Counter(0, until, null));
            Instant latest = counter.blockedUntil() != null && counter.blockedUntil().isAfter(until)
                    ? counter.blockedUntil() : until;
            counters.put(key, new Counter(counter.attempts(), counter.windowStartedAt(), latest));
        });
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return counters.find(key).map(Counter::blockedUntil).filter(until -> until.isAfter(now));
    }

    @Override
    public void clear(String key) {
        store.atomically(() -> counters.delete(key));
    }

    @Override
    public void forgetBefore(Instant before) {
        store.atomically(() -> counters.rows(counter -> counter.quietSince(before)).stream()
                .map(Map.Entry::getKey).forEach(counters::delete));
    }
}
