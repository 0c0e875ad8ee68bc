package com.usdtagent.persistence;

import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.Withdrawals;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Withdrawals in {@code withdrawal}, the transfers signed for them in {@code withdrawal_transfer}. */
final class JdbiWithdrawals implements Withdrawals {

    private static final String COLUMNS = """
            w.id, w.user_id, w.address, w.amount, w.fee, w.status, w.tx_hash, w.created_at, w.sent_at, w.confirmed_at
            """;
    private static final String SELECT = "SELECT " + COLUMNS + " FROM withdrawal w ";
    private static final String INSERT = """
            INSERT INTO withdrawal (id, user_id, idempotency_key, address, amount, fee, status, created_at)
            VALUES (:id, :user, :key, :address, :amount, :fee, :status, :createdAt)
            """;
    // the compare-and-set: a step applies only to the status it was decided on
    private static final String MOVE = """
            UPDATE withdrawal SET status = :status, tx_hash = :txHash, sent_at = :sentAt, confirmed_at = :confirmedAt
            WHERE id = :id AND status = :expected
            """;
    private static final String LOCK_KEY =
            "SELECT pg_advisory_xact_lock(hashtextextended('withdrawal ' || :user || ' ' || :key, 0))";
    /** The sender's read of every pass: the withdrawals to send or settle, with their transfers in nonce order. */
    static final String UNFINISHED = "SELECT " + COLUMNS + """
            , t.nonce, t.tx_hash AS signed_hash, t.raw
            FROM withdrawal w LEFT JOIN withdrawal_transfer t ON t.withdrawal_id = w.id
            WHERE w.status IN ('QUEUED', 'SENT')
            ORDER BY t.nonce NULLS LAST, w.created_at
            LIMIT :limit
            """;
    static final String HIGHEST_NONCE = "SELECT max(nonce) FROM withdrawal_transfer WHERE sender = :sender";
    // any unique key taken (this withdrawal's, the hash, the sender's nonce) stores nothing
    private static final String ATTACH = """
            INSERT INTO withdrawal_transfer (withdrawal_id, sender, nonce, tx_hash, raw)
            SELECT id, :sender, :nonce, :txHash, :raw FROM withdrawal WHERE id = :id AND status = 'QUEUED'
            ON CONFLICT DO NOTHING
            """;
    private static final RowMapper<Withdrawal> ROW = (row, context) -> new Withdrawal(
            new WithdrawalId(row.getObject("id", UUID.class)), new UserId(row.getObject("user_id", UUID.class)),
            row.getString("address"), new Usdt(row.getBigDecimal("amount")), new Usdt(row.getBigDecimal("fee")),
            WithdrawalStatus.valueOf(row.getString("status")), row.getString("tx_hash"),
            Timestamps.instant(row, "created_at"), Timestamps.instant(row, "sent_at"),
            Timestamps.instant(row, "confirmed_at"));

    private final Jdbi jdbi;

    JdbiWithdrawals(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Withdrawal withdrawal, String idempotencyKey) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", withdrawal.id().value())
                .bind("user", withdrawal.user().value())
                .bind("key", idempotencyKey)
                .bind("address", withdrawal.address())
                .bind("amount", withdrawal.amount().value())
                .bind("fee", withdrawal.fee().value())
                .bind("status", withdrawal.status().name())
                .bind("createdAt", Timestamps.utc(withdrawal.createdAt()))
                .execute());
    }

    @Override
    public void lockIdempotencyKey(UserId user, String idempotencyKey) {
        jdbi.useHandle(handle -> handle.createQuery(LOCK_KEY)
                .bind("user", user.value().toString())
                .bind("key", idempotencyKey)
                .mapTo(String.class)
                .one());
    }

    @Override
    public Optional<Withdrawal> findByIdempotencyKey(UserId user, String idempotencyKey) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_id = :user AND idempotency_key = :key")
                .bind("user", user.value())
                .bind("key", idempotencyKey)
                .map(ROW).findOne());
    }

    @Override
    public Optional<Withdrawal> findById(WithdrawalId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
                .bind("id", id.value())
                .map(ROW).findOne());
    }

    @Override
    public boolean compareAndSet(WithdrawalStatus expected, Withdrawal withdrawal) {
        return jdbi.withHandle(handle -> handle.createUpdate(MOVE)
                .bind("id", withdrawal.id().value())
                .bind("expected", expected.name())
                .bind("status", withdrawal.status().name())
                .bindByType("txHash", withdrawal.txHash(), String.class)
                .bindByType("sentAt", Timestamps.utcOrNull(withdrawal.sentAt()), OffsetDateTime.class)
                .bindByType("confirmedAt", Timestamps.utcOrNull(withdrawal.confirmedAt()), OffsetDateTime.class)
                .execute()) == 1;
    }

    @Override
    public List<Withdrawal> ofUser(UserId user, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_id = :user ORDER BY created_at DESC LIMIT :limit")
                .bind("user", user.value())
                .bind("limit", limit)
                .map(ROW).list());
    }

    @Override
    public List<Withdrawal> withStatus(Optional<WithdrawalStatus> status, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + "WHERE (CAST(:status AS text) IS NULL OR status = :status) ORDER BY created_at DESC LIMIT :limit")
                .bindByType("status", status.map(Enum::name).orElse(null), String.class)
                .bind("limit", limit)
                .map(ROW).list());
    }

    @Override
    public List<Outgoing> unfinished(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(UNFINISHED)
                .bind("limit", limit)
                .map((row, context) -> new Outgoing(ROW.map(row, context), row.getString("raw") == null
                        ? Optional.empty()
                        : Optional.of(new SignedTransfer(row.getLong("nonce"), row.getString("signed_hash"), row.getString("raw")))))
                .list());
    }

    @Override
    public boolean attachSigned(WithdrawalId id, String sender, SignedTransfer transfer) {
        return jdbi.withHandle(handle -> handle.createUpdate(ATTACH)
                .bind("id", id.value())
                .bind("sender", sender)
                .bind("nonce", transfer.nonce())
                .bind("txHash", transfer.txHash())
                .bind("raw", transfer.raw())
                .execute()) == 1;
    }

    @Override
    public OptionalLong highestNonce(String sender) {
        Long highest = jdbi.withHandle(handle -> handle.createQuery(HIGHEST_NONCE)
                .bind("sender", sender)
                .mapTo(Long.class)
                .one());
        return highest == null ? OptionalLong.empty() : OptionalLong.of(highest);
    }
}
