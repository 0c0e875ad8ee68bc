package com.usdtagent.memory;

import com.usdtagent.application.trade.Orders;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.AuditEntry;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Orders with their audit trails, as {@code JdbiOrders}, and the unique (placer, idempotency key) of each. */
final class MemoryOrders implements Orders {

    private static final Comparator<TradeOrder> NEWEST_FIRST = Comparator
            .comparing(TradeOrder::createdAt).reversed()
            .thenComparing(order -> order.id().value(), Uuids.POSTGRES_ORDER);
    private static final Set<OrderStatus> ENDED = Set.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED);

    private record PlacementKey(UserId placer, String idempotencyKey) {
    }

    /** The lock placements with one key take turns on, apart from the key's row as {@code pg_advisory_xact_lock} is. */
    private record PlacementLock(UserId placer, String idempotencyKey) {
    }

    /** The lock a placer's placements take turns on, as the advisory lock of {@code JdbiOrders}. */
    private record PlacerLock(UserId placer) {
    }

    private final MemoryStore store;
    private final Table<OrderId, TradeOrder> orders;
    private final Table<PlacementKey, OrderId> byPlacementKey;

    MemoryOrders(MemoryStore store) {
        this.store = store;
        this.orders = new Table<>(store);
        this.byPlacementKey = new Table<>(store);
    }

    @Override
    public void add(TradeOrder order, String idempotencyKey) {
        var key = new PlacementKey(order.audit().getFirst().actor(), idempotencyKey);
        store.atomically(() -> {
            if (byPlacementKey.lock(key).isPresent()) {
                throw new IllegalStateException("the placer has an order with this idempotency key");
            }
            orders.insert(order.id(), order);
            byPlacementKey.put(key, order.id());
        });
    }

    @Override
    public void lockIdempotencyKey(UserId placer, String idempotencyKey) {
        store.atomically(() -> store.lock(new PlacementLock(placer, idempotencyKey)));
    }

    @Override
    public void lockPlacer(UserId placer) {
        store.atomically(() -> store.lock(new PlacerLock(placer)));
    }

    @Override
    public PlacerRecord recordOfPlacer(UserId placer, Instant cancelledSince) {
        List<TradeOrder> placed = orders.values(order -> order.audit().getFirst().actor().equals(placer));
        return new PlacerRecord(
                placed.stream().filter(order -> order.status() == OrderStatus.PENDING_PAYMENT).count(),
                placed.stream().filter(order -> order.status() == OrderStatus.CANCELLED
                                && order.cancelledAt().isAfter(cancelledSince))
                        .map(TradeOrder::cancelledAt).sorted().toList());
    }

    @Override
    public Optional<TradeOrder> findByIdempotencyKey(UserId placer, String idempotencyKey) {
        return store.read(() -> byPlacementKey.find(new PlacementKey(placer, idempotencyKey)).flatMap(orders::find));
    }

    @Override
    public Optional<TradeOrder> findById(OrderId id) {
        return orders.find(id);
    }

    @Override
    public Optional<TradeOrder> lock(OrderId id) {
        return store.atomically(() -> orders.lock(id));
    }

    @Override
    public boolean compareAndSet(OrderStatus expected, TradeOrder order) {
        return store.atomically(() -> orders.lock(order.id())
                .filter(stored -> stored.status() == expected)
                .map(stored -> {
                    orders.put(order.id(), moved(stored, order));
                    return true;
                })
                .orElse(false));
    }

    /** The stored order with the step's status, times and latest audit entry, the columns the UPDATE sets. */
    private static TradeOrder moved(TradeOrder stored, TradeOrder step) {
        List<AuditEntry> audit = new ArrayList<>(stored.audit());
        audit.add(step.audit().getLast());
        return new TradeOrder(stored.id(), stored.offerId(), stored.roomId(), stored.buyer(), stored.seller(),
                stored.usdtAmount(), stored.price(), stored.fiatAmount(), stored.fiatCurrency(), step.status(),
                stored.paymentWindowEndsAt(), step.paidAt(), step.completedAt(), step.cancelledAt(), step.appeal(),
                stored.createdAt(), step.updatedAt(), audit);
    }

    @Override
    public List<TradeOrder> list(Optional<UserId> party, Optional<OrderStatus> status, int limit) {
        return orders.values(order -> party.map(order::hasParty).orElse(true)
                        && status.map(order.status()::equals).orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<TradeOrder> listInRoom(UserId party, RoomId room, Optional<OrderStatus> status, int limit) {
        return orders.values(order -> order.hasParty(party) && order.roomId().equals(room)
                        && status.map(order.status()::equals).orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<TradeOrder> claimExpired(Instant now, int limit) {
        return store.atomically(() -> orders.claim(
                order -> order.status() == OrderStatus.PENDING_PAYMENT && !order.paymentWindowEndsAt().isAfter(now),
                Comparator.comparing(TradeOrder::paymentWindowEndsAt), limit));
    }

    @Override
    public AgentRecord recordOf(UserId agent, Instant since) {
        List<TradeOrder> recent = orders.values(order -> order.hasParty(agent) && !order.updatedAt().isBefore(since));
        return new AgentRecord(recent.stream().filter(order -> order.status() == OrderStatus.COMPLETED).count(),
                recent.stream().filter(order -> ENDED.contains(order.status())).count());
    }
}
