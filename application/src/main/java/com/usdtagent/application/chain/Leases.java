package com.usdtagent.application.chain;

import java.time.Duration;
import java.time.Instant;

/** Named leases that let one node at a time run a job, and another take over when that node stops renewing. */
public interface Leases {

    /** Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}; false while another holds it. */
    boolean hold(String name, String holder, Instant now, Duration ttl);
}
