package com.usdtagent.application.trade;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored orders with their audit trails. Joins the caller's transaction. */
public interface Orders {

    /** Stores a new order, remembering the idempotency key its placer sent with it. */
    void add(TradeOrder order, String idempotencyKey);

    /** Makes other placements with the same key and placer wait until this transaction ends. */
    void lockIdempotencyKey(UserId placer, String idempotencyKey);

    Optional<TradeOrder> findByIdempotencyKey(UserId placer, String idempotencyKey);

    /** Makes the placer's other placements wait until this transaction ends, so that caps on their orders hold. */
    void lockPlacer(UserId placer);

    /** How many of the placer's orders wait for payment, and when those cancelled after then were, oldest first. */
    PlacerRecord recordOfPlacer(UserId placer, Instant cancelledSince);

    Optional<TradeOrder> findById(OrderId id);

    /** Reads the order and holds its row lock until the transaction ends. */
    Optional<TradeOrder> lock(OrderId id);

    /**
     * Stores the order's new status, times and latest audit entry, only if it is still {@code expected}.
     *
     * @return false, changing nothing, when another step changed the order first
     */
    boolean compareAndSet(OrderStatus expected, TradeOrder order);

    /** Up to {@code limit} orders, newest first, of {@code party} (every party when empty), optionally in one status. */
    List<TradeOrder> list(Optional<UserId> party, Optional<OrderStatus> status, int limit);

    /** Up to {@code limit} orders of {@code party} made in this room, newest first, optionally in one status. */
    List<TradeOrder> listInRoom(UserId party, RoomId room, Optional<OrderStatus> status, int limit);

    /** Locks up to {@code limit} orders still waiting for payment after their window ended, skipping locked ones. */
    List<TradeOrder> claimExpired(Instant now, int limit);

    /** How the agent's orders of the last days went. */
    AgentRecord recordOf(UserId agent, Instant since);

    /** @param cancelledAt the times of the placer's orders cancelled by them or by the payment window, oldest first */
    record PlacerRecord(long awaitingPayment, List<Instant> cancelledAt) {
    }

    /** @param ended the orders that completed, were cancelled or refunded since then */
    record AgentRecord(long completed, long ended) {
    }
}
