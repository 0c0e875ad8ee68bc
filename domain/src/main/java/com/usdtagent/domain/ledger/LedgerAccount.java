package com.usdtagent.domain.ledger;

import com.usdtagent.domain.account.UserId;

import java.util.Objects;

/**
 * An account of the ledger: a user's {@code AVAILABLE} or {@code LOCKED} (escrow) USDT, which never go negative,
 * or the one {@code EXTERNAL} account, the chain's side of every deposit, whose balance is minus all deposits.
 */
public record LedgerAccount(UserId owner, Bucket bucket) {

    public enum Bucket {
        AVAILABLE, LOCKED, EXTERNAL
    }

    public static final LedgerAccount EXTERNAL = new LedgerAccount(null, Bucket.EXTERNAL);

    public LedgerAccount {
        Objects.requireNonNull(bucket, "bucket");
        if ((owner == null) != (bucket == Bucket.EXTERNAL)) {
            throw new IllegalArgumentException("only the external account has no owner");
        }
    }

    public static LedgerAccount available(UserId owner) {
        return new LedgerAccount(owner, Bucket.AVAILABLE);
    }

    public static LedgerAccount locked(UserId owner) {
        return new LedgerAccount(owner, Bucket.LOCKED);
    }
}
