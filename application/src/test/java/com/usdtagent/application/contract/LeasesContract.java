package com.usdtagent.application.contract;

import com.usdtagent.application.chain.Leases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Leases}: one holder at a time, however many nodes ask at once, until it stops renewing and its lease expires. */
public abstract class LeasesContract extends PortContract {

    private static final Duration TTL = Duration.ofSeconds(30);

    private Leases leases;

    @BeforeEach
    void ports() {
        leases = adapters.chainStorage().leases();
    }

    @Test
    void aLeaseHasOneHolderUntilItExpires() {
        String name = "lease-" + UUID.randomUUID();

        List<Boolean> held = AtOnce.run(10, i -> () -> leases.hold(name, "node-" + i, NOW, TTL));

        assertThat(held).containsOnlyOnce(true);
        String holder = "node-" + held.indexOf(true);
        assertThat(leases.hold(name, holder, NOW.plusSeconds(20), TTL)).as("renewed until 50 s").isTrue();
        assertThat(leases.hold(name, "another", NOW.plusSeconds(49), TTL)).isFalse();
        assertThat(leases.hold(name, "another", NOW.plusSeconds(50), TTL)).isTrue();
        assertThat(leases.hold(name, holder, NOW.plusSeconds(51), TTL)).as("taken over").isFalse();
    }

    @Test
    void aHolderThatKeepsRenewingKeepsItsLease() {
        String name = "lease-" + UUID.randomUUID();
        for (int second = 0; second <= 300; second += 20) {
            assertThat(leases.hold(name, "first", NOW.plusSeconds(second), TTL)).isTrue();
            assertThat(leases.hold(name, "second", NOW.plusSeconds(second + 10), TTL)).isFalse();
        }
    }

    @Test
    void leasesOfDifferentNamesHaveTheirOwnHolders() {
        String follower = "follower-" + UUID.randomUUID();
        String sender = "sender-" + UUID.randomUUID();

        assertThat(leases.hold(follower, "one", NOW, TTL)).isTrue();
        assertThat(leases.hold(sender, "two", NOW, TTL)).isTrue();
        assertThat(leases.hold(sender, "one", NOW, TTL)).isFalse();
    }
}
