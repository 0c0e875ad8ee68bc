package com.usdtagent.domain.wallet;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.trade.Usdt;

import java.time.Instant;
import java.util.Objects;

/**
 * A transfer of the token to a user's deposit address, one per (transaction, log index).
 *
 * @param blockHash the block it was seen in: a deposit is credited only while that block is on the chain
 */
public record Deposit(String txHash, int logIndex, UserId user, String address, Usdt amount, long blockNumber,
                      String blockHash, DepositStatus status, Instant seenAt, Instant creditedAt) {

    public Deposit {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** A transaction in block {@code blockNumber} has {@code latest - blockNumber + 1} confirmations: its own block counts. */
    public long confirmationsAt(long latest) {
        return Math.max(0, latest - blockNumber + 1);
    }

    /** From the chain to the user's available USDT, referenced by the transaction and the log, so it happens once. */
    public Movement credit() {
        return Movement.deposit(user, amount, txHash + ":" + logIndex);
    }
}
