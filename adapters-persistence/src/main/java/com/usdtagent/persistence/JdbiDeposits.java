package com.usdtagent.persistence;

import com.usdtagent.application.chain.Deposits;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.DepositStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deposits seen on chain in {@code chain_deposit}, one row per (transaction hash, log index). */
final class JdbiDeposits implements Deposits {

    private static final String SELECT = """
            SELECT tx_hash, log_index, user_id, address, amount, block_number, block_hash, status, seen_at, credited_at
            FROM chain_deposit
            """;
    // a pending deposit read again from another block takes that block; a credited one never changes
    private static final String ADD = """
            INSERT INTO chain_deposit (tx_hash, log_index, user_id, address, amount, block_number, block_hash, status, seen_at)
            VALUES (:txHash, :logIndex, :user, :address, :amount, :blockNumber, :blockHash, 'PENDING', :seenAt)
            ON CONFLICT (tx_hash, log_index) DO UPDATE
            SET block_number = excluded.block_number, block_hash = excluded.block_hash
            WHERE chain_deposit.status = 'PENDING' AND chain_deposit.block_hash <> excluded.block_hash
            RETURNING xmax = 0 AS inserted
            """;
    /** The follower's read of every pass: the deposits waiting for confirmations, in the order they are credited. */
    static final String PENDING = SELECT + "WHERE status = 'PENDING' ORDER BY block_number, log_index";
    private static final String CREDIT = """
            UPDATE chain_deposit SET status = 'CREDITED', credited_at = :at
            WHERE tx_hash = :txHash AND log_index = :logIndex AND status = 'PENDING'
            """;
    private static final RowMapper<Deposit> ROW = (row, context) -> new Deposit(row.getString("tx_hash"),
            row.getInt("log_index"), new UserId(row.getObject("user_id", UUID.class)), row.getString("address"),
            new Usdt(row.getBigDecimal("amount")), row.getLong("block_number"), row.getString("block_hash"),
            DepositStatus.valueOf(row.getString("status")), Timestamps.instant(row, "seen_at"),
            Timestamps.instant(row, "credited_at"));

    private final Jdbi jdbi;

    JdbiDeposits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int addPending(List<Deposit> deposits) {
        return jdbi.inTransaction(handle -> {
            int added = 0;
            for (Deposit deposit : deposits) {
                added += handle.createQuery(ADD)
                        .bind("txHash", deposit.txHash())
                        .bind("logIndex", deposit.logIndex())
                        .bind("user", deposit.user().value())
                        .bind("address", deposit.address())
                        .bind("amount", deposit.amount().value())
                        .bind("blockNumber", deposit.blockNumber())
                        .bind("blockHash", deposit.blockHash())
                        .bind("seenAt", Timestamps.utc(deposit.seenAt()))
                        .mapTo(Boolean.class)
                        .findOne()
                        .filter(Boolean::booleanValue)
                        .map(inserted -> 1)
                        .orElse(0);
            }
            return added;
        });
    }

    @Override
    public List<Deposit> pending() {
        return jdbi.withHandle(handle -> handle.createQuery(PENDING).map(ROW).list());
    }

    @Override
    public void forgetPendingAbove(long blockNumber) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM chain_deposit WHERE status = 'PENDING' AND block_number > :number")
                .bind("number", blockNumber)
                .execute());
    }

    @Override
    public boolean markCredited(String txHash, int logIndex, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(CREDIT)
                .bind("txHash", txHash)
                .bind("logIndex", logIndex)
                .bind("at", Timestamps.utc(at))
                .execute()) == 1;
    }

    @Override
    public List<Deposit> ofUser(UserId user, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + "WHERE user_id = :user ORDER BY seen_at DESC, block_number DESC, log_index DESC LIMIT :limit")
                .bind("user", user.value())
                .bind("limit", limit)
                .map(ROW).list());
    }
}
