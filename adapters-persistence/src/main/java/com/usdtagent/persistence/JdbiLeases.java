package com.usdtagent.persistence;

import com.usdtagent.application.chain.Leases;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;

/** Leases in {@code chain_lease}: one statement takes a free or expired lease, or renews the holder's own. */
final class JdbiLeases implements Leases {

    private static final String HOLD = """
            INSERT INTO chain_lease (name, holder, expires_at) VALUES (:name, :holder, :until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE chain_lease.holder = excluded.holder OR chain_lease.expires_at <= :now
            """;

    private final Jdbi jdbi;

    JdbiLeases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean hold(String name, String holder, Instant now, Duration ttl) {
        return jdbi.withHandle(handle -> handle.createUpdate(HOLD)
                .bind("name", name)
                .bind("holder", holder)
                .bind("until", Timestamps.utc(now.plus(ttl)))
                .bind("now", Timestamps.utc(now))
                .execute()) == 1;
    }
}
