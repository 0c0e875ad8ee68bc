package com.usdtagent.persistence;

import com.usdtagent.application.trade.Orders;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.Appeal;
import com.usdtagent.domain.trade.AuditEntry;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders in {@code trade_order} and their steps in {@code trade_order_audit}. Joins the caller's transaction. */
final class JdbiOrders implements Orders {

    private static final String SELECT = """
            SELECT id, offer_id, room_id, buyer_id, seller_id, usdt_amount, price, fiat_amount, fiat_currency, status,
                   payment_window_ends_at, paid_at, completed_at, cancelled_at, appeal_by, appeal_reason,
                   appeal_opened_at, appeal_attachments, created_at, updated_at
            FROM trade_order
            """;
    private static final String INSERT = """
            INSERT INTO trade_order (id, offer_id, room_id, buyer_id, seller_id, placed_by, idempotency_key,
                                     usdt_amount, price, fiat_amount, fiat_currency, status, payment_window_ends_at,
                                     created_at, updated_at)
            VALUES (:id, :offerId, :roomId, :buyer, :seller, :placedBy, :key, :usdtAmount, :price, :fiatAmount,
                    :fiatCurrency, :status, :paymentWindowEndsAt, :createdAt, :updatedAt)
            """;
    // the compare-and-set: a step applies only to the status it was decided on
    private static final String MOVE = """
            UPDATE trade_order
            SET status = :status, paid_at = :paidAt, completed_at = :completedAt, cancelled_at = :cancelledAt,
                appeal_by = :appealBy, appeal_reason = :appealReason, appeal_opened_at = :appealOpenedAt,
                appeal_attachments = CAST(:appealAttachments AS jsonb), updated_at = :updatedAt
            WHERE id = :id AND status = :expected
            """;
    private static final String INSERT_AUDIT = """
            INSERT INTO trade_order_audit (order_id, step, status, actor_id, at) VALUES (:order, :step, :status, :actor, :at)
            """;
    private static final String AUDIT = "SELECT status, actor_id, at FROM trade_order_audit WHERE order_id = :order ORDER BY step";
    private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(hashtextextended(:placer || ' ' || :key, 0))";
    private static final String LOCK_PLACER = "SELECT pg_advisory_xact_lock(hashtextextended('placer ' || :placer, 0))";
    private static final String AWAITING_PAYMENT =
            "SELECT count(*) FROM trade_order WHERE placed_by = :placer AND status = 'PENDING_PAYMENT'";
    private static final String CANCELLED_SINCE = """
            SELECT cancelled_at FROM trade_order
            WHERE placed_by = :placer AND status = 'CANCELLED' AND cancelled_at > :since
            ORDER BY cancelled_at
            """;
    static final String CLAIM_EXPIRED = SELECT + """
            WHERE status = 'PENDING_PAYMENT' AND payment_window_ends_at <= :now
            ORDER BY payment_window_ends_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    private static final String RECORD = """
            SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                   count(*) FILTER (WHERE status IN ('COMPLETED', 'CANCELLED', 'REFUNDED')) AS ended
            FROM trade_order
            WHERE (buyer_id = :agent OR seller_id = :agent) AND updated_at >= :since
            """;

    private final Jdbi jdbi;

    JdbiOrders(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(TradeOrder order, String idempotencyKey) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(INSERT)
                    .bind("id", order.id().value())
                    .bind("offerId", order.offerId().value())
                    .bind("roomId", order.roomId().value())
                    .bind("buyer", order.buyer().value())
                    .bind("seller", order.seller().value())
                    .bind("placedBy", order.audit().getFirst().actor().value())
                    .bind("key", idempotencyKey)
                    .bind("usdtAmount", order.usdtAmount().value())
                    .bind("price", order.price().value())
                    .bind("fiatAmount", order.fiatAmount().value())
                    .bind("fiatCurrency", order.fiatCurrency())
                    .bind("status", order.status().name())
                    .bind("paymentWindowEndsAt", Timestamps.utc(order.paymentWindowEndsAt()))
                    .bind("createdAt", Timestamps.utc(order.createdAt()))
                    .bind("updatedAt", Timestamps.utc(order.updatedAt()))
                    .execute();
            insertAudit(handle, order);
        });
    }

    @Override
    public void lockIdempotencyKey(UserId placer, String idempotencyKey) {
        jdbi.useHandle(handle -> handle.createQuery(LOCK_KEY)
                .bind("placer", placer.value().toString())
                .bind("key", idempotencyKey)
                .mapTo(String.class)
                .one());
    }

    @Override
    public void lockPlacer(UserId placer) {
        jdbi.useHandle(handle -> handle.createQuery(LOCK_PLACER)
                .bind("placer", placer.value().toString())
                .mapTo(String.class)
                .one());
    }

    @Override
    public PlacerRecord recordOfPlacer(UserId placer, Instant cancelledSince) {
        return jdbi.withHandle(handle -> new PlacerRecord(
                handle.createQuery(AWAITING_PAYMENT).bind("placer", placer.value()).mapTo(Long.class).one(),
                handle.createQuery(CANCELLED_SINCE)
                        .bind("placer", placer.value())
                        .bind("since", Timestamps.utc(cancelledSince))
                        .map((row, context) -> Timestamps.instant(row, "cancelled_at"))
                        .list()));
    }

    @Override
    public Optional<TradeOrder> findByIdempotencyKey(UserId placer, String idempotencyKey) {
        return jdbi.withHandle(handle -> one(handle, handle.createQuery(SELECT + "WHERE placed_by = :placer AND idempotency_key = :key")
                .bind("placer", placer.value())
                .bind("key", idempotencyKey)));
    }

    @Override
    public Optional<TradeOrder> findById(OrderId id) {
        return byId(SELECT + "WHERE id = :id", id);
    }

    @Override
    public Optional<TradeOrder> lock(OrderId id) {
        return byId(SELECT + "WHERE id = :id FOR UPDATE", id);
    }

    private Optional<TradeOrder> byId(String sql, OrderId id) {
        return jdbi.withHandle(handle -> one(handle, handle.createQuery(sql).bind("id", id.value())));
    }

    @Override
    public boolean compareAndSet(OrderStatus expected, TradeOrder order) {
        return jdbi.inTransaction(handle -> {
            Appeal appeal = order.appeal();
            int moved = handle.createUpdate(MOVE)
                    .bind("id", order.id().value())
                    .bind("expected", expected.name())
                    .bind("status", order.status().name())
                    .bindByType("paidAt", Timestamps.utcOrNull(order.paidAt()), OffsetDateTime.class)
                    .bindByType("completedAt", Timestamps.utcOrNull(order.completedAt()), OffsetDateTime.class)
                    .bindByType("cancelledAt", Timestamps.utcOrNull(order.cancelledAt()), OffsetDateTime.class)
                    .bindByType("appealBy", appeal == null ? null : appeal.by().value(), UUID.class)
                    .bindByType("appealReason", appeal == null ? null : appeal.reason(), String.class)
                    .bindByType("appealOpenedAt", appeal == null ? null : Timestamps.utc(appeal.openedAt()),
                            OffsetDateTime.class)
                    .bindByType("appealAttachments", appeal == null ? null : AttachmentRows.json(appeal.evidence()),
                            String.class)
                    .bind("updatedAt", Timestamps.utc(order.updatedAt()))
                    .execute();
            if (moved == 0) {
                return false;
            }
            insertAudit(handle, order);
            return true;
        });
    }

    /** The order's latest audit entry, numbered by its place in the trail. */
    private static void insertAudit(Handle handle, TradeOrder order) {
        AuditEntry entry = order.audit().getLast();
        handle.createUpdate(INSERT_AUDIT)
                .bind("order", order.id().value())
                .bind("step", order.audit().size())
                .bind("status", entry.status().name())
                .bindByType("actor", entry.actor() == null ? null : entry.actor().value(), UUID.class)
                .bind("at", Timestamps.utc(entry.at()))
                .execute();
    }

    @Override
    public List<TradeOrder> list(Optional<UserId> party, Optional<OrderStatus> status, int limit) {
        return list(party, Optional.empty(), status, limit);
    }

    @Override
    public List<TradeOrder> listInRoom(UserId party, RoomId room, Optional<OrderStatus> status, int limit) {
        // the party's own index finds their orders; the room and the status narrow them before the limit
        return list(Optional.of(party), Optional.of(room), status, limit);
    }

    private List<TradeOrder> list(Optional<UserId> party, Optional<RoomId> room, Optional<OrderStatus> status,
                                  int limit) {
        String filters = (party.isPresent() ? " AND (buyer_id = :party OR seller_id = :party)" : "")
                + (room.isPresent() ? " AND room_id = :room" : "")
                + (status.isPresent() ? " AND status = :status" : "");
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + "WHERE true" + filters + " ORDER BY created_at DESC, id LIMIT :limit")
                    .bind("limit", limit);
            party.ifPresent(user -> query.bind("party", user.value()));
            room.ifPresent(id -> query.bind("room", id.value()));
            status.ifPresent(value -> query.bind("status", value.name()));
            return many(handle, query);
        });
    }

    @Override
    public List<TradeOrder> claimExpired(Instant now, int limit) {
        return jdbi.withHandle(handle -> many(handle, handle.createQuery(CLAIM_EXPIRED)
                .bind("now", Timestamps.utc(now))
                .bind("limit", limit)));
    }

    @Override
    public AgentRecord recordOf(UserId agent, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery(RECORD)
                .bind("agent", agent.value())
                .bind("since", Timestamps.utc(since))
                .map((row, context) -> new AgentRecord(row.getLong("completed"), row.getLong("ended")))
                .one());
    }

    private static Optional<TradeOrder> one(Handle handle, Query query) {
        return many(handle, query).stream().findFirst();
    }

    private static List<TradeOrder> many(Handle handle, Query query) {
        List<TradeOrder> bare = query.map((row, context) -> toOrder(row)).list();
        return bare.stream().map(order -> withAudit(handle, order)).toList();
    }

    private static TradeOrder withAudit(Handle handle, TradeOrder order) {
        List<AuditEntry> audit = handle.createQuery(AUDIT)
                .bind("order", order.id().value())
                .map((row, context) -> new AuditEntry(OrderStatus.valueOf(row.getString("status")),
                        Optional.ofNullable(row.getObject("actor_id", UUID.class)).map(UserId::new).orElse(null),
                        Timestamps.instant(row, "at")))
                .list();
        return new TradeOrder(order.id(), order.offerId(), order.roomId(), order.buyer(), order.seller(),
                order.usdtAmount(), order.price(), order.fiatAmount(), order.fiatCurrency(), order.status(),
                order.paymentWindowEndsAt(), order.paidAt(), order.completedAt(), order.cancelledAt(), order.appeal(),
                order.createdAt(), order.updatedAt(), audit);
    }

    /** The order without its audit trail, which {@link #withAudit} reads. */
    private static TradeOrder toOrder(ResultSet row) throws SQLException {
        UUID appealBy = row.getObject("appeal_by", UUID.class);
        return new TradeOrder(
                new OrderId(row.getObject("id", UUID.class)),
                new OfferId(row.getObject("offer_id", UUID.class)),
                new RoomId(row.getObject("room_id", UUID.class)),
                new UserId(row.getObject("buyer_id", UUID.class)),
                new UserId(row.getObject("seller_id", UUID.class)),
                new Usdt(row.getBigDecimal("usdt_amount")),
                new Fiat(row.getBigDecimal("price")),
                new Fiat(row.getBigDecimal("fiat_amount")),
                row.getString("fiat_currency"),
                OrderStatus.valueOf(row.getString("status")),
                Timestamps.instant(row, "payment_window_ends_at"),
                Timestamps.instant(row, "paid_at"),
                Timestamps.instant(row, "completed_at"),
                Timestamps.instant(row, "cancelled_at"),
                appealBy == null ? null : new Appeal(new UserId(appealBy), row.getString("appeal_reason"),
                        Timestamps.instant(row, "appeal_opened_at"),
                        AttachmentRows.fromJson(row.getString("appeal_attachments"))),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"),
                List.of());
    }
}
