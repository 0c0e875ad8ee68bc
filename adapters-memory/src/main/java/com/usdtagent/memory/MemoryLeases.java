package com.usdtagent.memory;

import com.usdtagent.application.chain.Leases;

import java.time.Duration;
import java.time.Instant;

/** Leases by name, as {@code JdbiLeases}: taken when free or expired, renewed by their holder, the row locked meanwhile. */
final class MemoryLeases implements Leases {

    private record Lease(String holder, Instant expiresAt) {
    }

    private final MemoryStore store;
    private final Table<String, Lease> leases;

    MemoryLeases(MemoryStore store) {
        this.store = store;
        this.leases = new Table<>(store);
    }

    @Override
    public boolean hold(String name, String holder, Instant now, Duration ttl) {
        return store.atomically(() -> {
            boolean free = leases.lock(name)
                    .map(lease -> lease.holder().equals(holder) || !lease.expiresAt().isAfter(now))
                    .orElse(true);
            if (free) {
                leases.put(name, new Lease(holder, now.plus(ttl)));
            }
            return free;
        });
    }
}
