package com.usdtagent.persistence;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.Usdt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger in {@code ledger_movement} and {@code ledger_entry}, with each user's balances in {@code wallet} moved
 * by the same statements' transaction. Joins the caller's transaction (see JdbiTransactions).
 */
final class JdbiLedger implements Ledger {

    private static final String INSERT_MOVEMENT = """
            INSERT INTO ledger_movement (id, kind, order_id, reference, created_at)
            VALUES (:id, :kind, :orderId, :reference, :createdAt)
            ON CONFLICT (reference) DO NOTHING
            """;
    private static final String INSERT_ENTRY = """
            INSERT INTO ledger_entry (movement_id, user_id, account, amount) VALUES (:movement, :user, :account, :amount)
            """;
    private static final String OPEN_WALLET = "INSERT INTO wallet (user_id) VALUES (:user) ON CONFLICT DO NOTHING";
    // the guard turns what would be a negative balance into "no row changed", refused as INSUFFICIENT_FUNDS
    private static final String MOVE_BALANCE = """
            UPDATE wallet SET %1$s = %1$s + :amount WHERE user_id = :user AND %1$s + :amount >= 0
            """;
    private static final String BALANCE = "SELECT available, locked FROM wallet WHERE user_id = :user";
    private static final String ENTRIES = """
            SELECT e.id, m.kind, e.account, e.amount, m.order_id, m.reference, m.created_at
            FROM ledger_entry e JOIN ledger_movement m ON m.id = e.movement_id
            WHERE e.user_id = :user AND e.id < :before
            ORDER BY e.id DESC
            LIMIT :limit
            """;

    private final Jdbi jdbi;

    JdbiLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean record(Movement movement, Instant at) {
        return jdbi.inTransaction(handle -> {
            UUID id = UUID.randomUUID();
            int inserted = handle.createUpdate(INSERT_MOVEMENT)
                    .bind("id", id)
                    .bind("kind", movement.kind().name())
                    .bind("orderId", movement.orderId() == null ? null : movement.orderId().value())
                    .bind("reference", movement.reference())
                    .bind("createdAt", Timestamps.utc(at))
                    .execute();
            if (inserted == 0) {
                return false;
            }
            // users' rows in one order, so that two movements between the same users cannot deadlock
            movement.postings().stream()
                    .sorted(Comparator.comparing((Movement.Posting posting) -> String.valueOf(posting.account().owner()))
                            .thenComparing(posting -> posting.account().bucket()))
                    .forEach(posting -> post(handle, id, posting));
            return true;
        });
    }

    private static void post(Handle handle, UUID movement, Movement.Posting posting) {
        LedgerAccount account = posting.account();
        UUID user = account.owner() == null ? null : account.owner().value();
        if (user != null) {
            handle.createUpdate(OPEN_WALLET).bind("user", user).execute();
            String column = account.bucket() == LedgerAccount.Bucket.AVAILABLE ? "available" : "locked";
            int moved = handle.createUpdate(MOVE_BALANCE.formatted(column))
                    .bind("user", user)
                    .bind("amount", posting.amount())
                    .execute();
            if (moved == 0) {
                throw new BusinessException(ErrorCode.INSUFFICIENT_FUNDS, "Not enough available USDT");
            }
        }
        handle.createUpdate(INSERT_ENTRY)
                .bind("movement", movement)
                .bind("user", user)
                .bind("account", account.bucket().name())
                .bind("amount", posting.amount())
                .execute();
    }

    @Override
    public WalletBalance balanceOf(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(BALANCE)
                .bind("user", user.value())
                .map((row, context) -> new WalletBalance(new Usdt(row.getBigDecimal("available")),
                        new Usdt(row.getBigDecimal("locked"))))
                .findOne()
                .orElse(WalletBalance.EMPTY));
    }

    @Override
    public List<LedgerEntry> entriesOf(UserId user, Optional<Long> before, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(ENTRIES)
                .bind("user", user.value())
                .bind("before", before.orElse(Long.MAX_VALUE))
                .bind("limit", limit)
                .map((row, context) -> new LedgerEntry(
                        row.getLong("id"),
                        Movement.Kind.valueOf(row.getString("kind")),
                        LedgerAccount.Bucket.valueOf(row.getString("account")),
                        row.getBigDecimal("amount"),
                        Optional.ofNullable(row.getObject("order_id", UUID.class)).map(OrderId::new).orElse(null),
                        row.getString("reference"),
                        Timestamps.instant(row, "created_at")))
                .list());
    }
}
