package com.usdtagent.domain.ledger;

import com.usdtagent.domain.account.UserId;

import java.util.Objects;

/**
 * An account of the ledger: a user's {@code AVAILABLE} or {@code LOCKED} (escrow, and withdrawals under way) USDT,
 * which never go negative; the one {@code EXTERNAL} account, the chain's side of every deposit and withdrawal, whose
 * balance is what was withdrawn less what was deposited; and the one {@code FEES} account, the withdrawal fees earned.
 */
public record LedgerAccount(UserId owner, Bucket bucket) {

    public enum Bucket {
        AVAILABLE, LOCKED, EXTERNAL, FEES
    }

    public static final LedgerAccount EXTERNAL = new LedgerAccount(null, Bucket.EXTERNAL);
    public static final LedgerAccount FEES = new LedgerAccount(null, Bucket.FEES);

    public LedgerAccount {
        Objects.requireNonNull(bucket, "bucket");
        if ((owner == null) != (bucket == Bucket.EXTERNAL || bucket == Bucket.FEES)) {
            throw new IllegalArgumentException("only the external and the fees accounts have no owner");
        }
    }

    public static LedgerAccount available(UserId owner) {
        return new LedgerAccount(owner, Bucket.AVAILABLE);
    }

    public static LedgerAccount locked(UserId owner) {
        return new LedgerAccount(owner, Bucket.LOCKED);
    }
}
