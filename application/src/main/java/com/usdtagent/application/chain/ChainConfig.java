package com.usdtagent.application.chain;

import com.usdtagent.domain.trade.Usdt;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The chain and the withdrawal terms the server runs with.
 *
 * @param token         the USDT contract's address
 * @param confirmations blocks on top of a transaction, its own included, before it counts
 * @param approvalAbove withdrawals of a larger amount wait for an admin
 * @param startBlock    where the deposit follower starts reading the first time; empty: at the chain's newest block
 * @param pollInterval  how often the follower and the sender run; their leases last a few of these
 */
public record ChainConfig(long chainId, String token, int confirmations, Usdt fee, Usdt minimum, Usdt approvalAbove,
                          OptionalLong startBlock, Duration pollInterval) {

    public ChainConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(approvalAbove, "approvalAbove");
        Objects.requireNonNull(startBlock, "startBlock");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (confirmations < 1) {
            throw new IllegalArgumentException("a transaction has at least its own block as confirmation");
        }
    }

    /** Long enough to outlast a slow pass; short enough that another node takes over soon after one stops. */
    Duration leaseTime() {
        return pollInterval.multipliedBy(3).plusSeconds(10);
    }
}
