package com.usdtagent.application.contract;

import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.trade.Orders;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Orders}: an order with its audit trail comes back as stored; a key names one placement of its placer; a
 * step is stored only from the status it was decided on, once however many race; the payment timer's claim skips
 * the orders another claimer holds; listings newest first.
 */
public abstract class OrdersContract extends PortContract {

    private Orders orders;

    @BeforeEach
    void ports() {
        orders = adapters.orders();
    }

    /** Stores the order's step from the status it had, and returns the step. */
    private TradeOrder step(TradeOrder from, TradeOrder to) {
        assertThat(orders.compareAndSet(from.status(), to)).isTrue();
        return to;
    }

    private static List<OrderId> ids(List<TradeOrder> orders) {
        return orders.stream().map(TradeOrder::id).toList();
    }

    @Test
    void storesAnOrderAndFindsItByIdAndByItsPlacersKey() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        TradeOrder order = TradeOrder.place(offer(agent, OfferSide.SELL), buyer, usdt("25.5"), room(agent, buyer), NOW);

        orders.add(order, "key-1");

        assertThat(orders.findById(order.id())).contains(order);
        assertThat(orders.lock(order.id())).contains(order);
        assertThat(orders.findByIdempotencyKey(buyer, "key-1")).contains(order);
        assertThat(orders.findByIdempotencyKey(agent, "key-1")).isEmpty();
        assertThat(orders.findByIdempotencyKey(buyer, "key-2")).isEmpty();
        assertThat(orders.findById(OrderId.newId())).isEmpty();
    }

    @Test
    void aKeyNamesOnePlacementOfItsPlacer() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        UserId otherBuyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        RoomId room = room(agent, buyer);
        orders.add(TradeOrder.place(offer, buyer, usdt("10"), room, NOW), "key-1");
        TradeOrder again = TradeOrder.place(offer, buyer, usdt("20"), room, NOW);
        TradeOrder others = TradeOrder.place(offer, otherBuyer, usdt("30"), room(agent, otherBuyer), NOW);

        assertThatThrownBy(() -> orders.add(again, "key-1")).isInstanceOf(RuntimeException.class);
        orders.add(others, "key-1");

        assertThat(orders.findById(again.id())).isEmpty();
        assertThat(orders.findByIdempotencyKey(otherBuyer, "key-1")).contains(others);
    }

    @Test
    void aStepIsStoredOnlyFromTheStatusItWasDecidedOn() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        UserId admin = user(Role.ADMIN);
        TradeOrder order = order(offer(agent, OfferSide.SELL), buyer, "10", NOW);
        TradeOrder paid = order.markPaid(buyer, NOW.plusSeconds(60));

        assertThat(orders.compareAndSet(OrderStatus.PENDING_PAYMENT, paid)).isTrue();
        assertThat(orders.compareAndSet(OrderStatus.PENDING_PAYMENT, order.cancel(buyer, NOW.plusSeconds(61)))).isFalse();
        assertThat(orders.findById(order.id())).contains(paid);
        TradeOrder unknown = TradeOrder.place(offer(agent, OfferSide.SELL), buyer, usdt("10"), order.roomId(), NOW);
        assertThat(orders.compareAndSet(OrderStatus.PENDING_PAYMENT, unknown.markPaid(buyer, NOW))).isFalse();
        assertThat(orders.findById(unknown.id())).isEmpty();

        TradeOrder appealed = step(paid, paid.openAppeal(agent, " no money arrived ", NOW.plusSeconds(120)));
        assertThat(orders.findById(order.id())).contains(appealed);
        TradeOrder refunded = step(appealed, appealed.resolve(admin, Role.ADMIN, AppealOutcome.REFUND, NOW.plusSeconds(180)));
        assertThat(orders.findById(order.id())).contains(refunded);
        assertThat(refunded.audit()).extracting(entry -> entry.status()).containsExactly(OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, OrderStatus.APPEAL, OrderStatus.REFUNDED);
    }

    @Test
    void ofTwentyReleasesAtOnceOneWinsAndTheEscrowMovesOnce() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        adapters.ledger().record(Movement.deposit(agent, usdt("100"), "tx-" + UUID.randomUUID()), NOW);
        TradeOrder order = order(offer(agent, OfferSide.SELL), buyer, "40", NOW);
        adapters.ledger().record(Movement.lock(order), NOW);
        TradeOrder paid = step(order, order.markPaid(buyer, NOW));
        TradeOrder released = paid.release(agent, NOW.plusSeconds(1));

        List<Boolean> moved = AtOnce.run(20, i -> () -> adapters.transactions().inTransaction(() ->
                orders.compareAndSet(OrderStatus.PAID, released) && adapters.ledger().record(Movement.release(released), NOW)));

        assertThat(moved).containsOnlyOnce(true);
        assertThat(orders.findById(order.id())).contains(released);
        assertThat(adapters.ledger().balanceOf(agent)).isEqualTo(new WalletBalance(usdt("60"), usdt("0")));
        assertThat(adapters.ledger().balanceOf(buyer)).isEqualTo(new WalletBalance(usdt("40"), usdt("0")));
    }

    /** A placement as the use case makes one: in turn with the others of its key, finding the one made before. */
    private OrderId placed(Offer offer, UserId buyer, RoomId room, String key) {
        orders.lockIdempotencyKey(buyer, key);
        return orders.findByIdempotencyKey(buyer, key).orElseGet(() -> {
            TradeOrder order = TradeOrder.place(offer, buyer, usdt("30"), room, NOW);
            orders.add(order, key);
            return order;
        }).id();
    }

    @Test
    void placementsWithOneKeyAtOnceMakeOneOrder() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        RoomId room = room(agent, buyer);

        List<OrderId> placed = AtOnce.run(20, i -> () -> adapters.transactions().inTransaction(
                () -> placed(offer, buyer, room, "key-1")));

        assertThat(placed).containsOnly(placed.getFirst());
        assertThat(ids(orders.list(Optional.of(buyer), Optional.empty(), 10))).containsExactly(placed.getFirst());
    }

    @Test
    void aPlacementWaitsForTheOneWithItsKeyAndFindsIt() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        RoomId room = room(agent, buyer);

        List<OrderId> placed = whileOpen(() -> placed(offer, buyer, room, "key-1"), () -> placed(offer, buyer, room, "key-1"));

        assertThat(placed.getLast()).isEqualTo(placed.getFirst());
    }

    @Test
    void aStepWaitsForTheStepHoldingTheOrderAndThenFindsItMoved() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        TradeOrder order = order(offer(agent, OfferSide.SELL), buyer, "10", NOW);
        TradeOrder paid = step(order, order.markPaid(buyer, NOW));
        TradeOrder released = paid.release(agent, NOW.plusSeconds(1));
        TradeOrder appealed = paid.openAppeal(buyer, "the seller is too slow", NOW.plusSeconds(1));

        assertThat(whileOpen(() -> orders.compareAndSet(OrderStatus.PAID, released),
                () -> orders.compareAndSet(OrderStatus.PAID, appealed))).containsExactly(true, false);
        assertThat(orders.findById(order.id())).contains(released);
    }

    @Test
    void theTimerClaimsOrdersPastTheirWindowOldestFirstSkippingThoseClaimedElsewhere() {
        // a year back, before the windows of every other test's orders
        Instant then = NOW.minus(Duration.ofDays(365));
        Offer offer = offer(user(Role.AGENT), OfferSide.SELL);
        TradeOrder late = order(offer, user(), "10", then);
        TradeOrder later = order(offer, user(), "10", then.plusSeconds(60));
        order(offer, user(), "10", then.plusSeconds(600));
        TradeOrder paidInTime = order(offer, user(), "10", then);
        step(paidInTime, paidInTime.markPaid(paidInTime.buyer(), then.plusSeconds(1)));
        Instant due = then.plus(Duration.ofMinutes(7));

        List<List<TradeOrder>> claims = whileOpen(() -> orders.claimExpired(due, 1), () -> orders.claimExpired(due, 100));

        assertThat(ids(claims.getFirst())).containsExactly(late.id());
        assertThat(ids(claims.getLast())).containsExactly(later.id());
        // the claims end with their transactions: orders still waiting are due again
        assertThat(ids(adapters.transactions().inTransaction(() -> orders.claimExpired(due, 100))))
                .containsExactly(late.id(), later.id());
    }

    @Test
    void listsOrdersNewestFirstOfAPartyAndInAStatus() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        TradeOrder oldest = order(offer, buyer, "10", NOW.minusSeconds(30));
        TradeOrder middle = order(offer, buyer, "10", NOW.minusSeconds(20));
        TradeOrder newest = order(offer, buyer, "10", NOW.minusSeconds(10));
        TradeOrder someoneElses = order(offer, user(), "10", NOW.minusSeconds(5));
        step(middle, middle.markPaid(buyer, NOW));

        assertThat(ids(orders.list(Optional.of(buyer), Optional.empty(), 10)))
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(orders.list(Optional.of(agent), Optional.empty(), 10)))
                .containsExactly(someoneElses.id(), newest.id(), middle.id(), oldest.id());
        assertThat(ids(orders.list(Optional.of(buyer), Optional.of(OrderStatus.PAID), 10))).containsExactly(middle.id());
        assertThat(ids(orders.list(Optional.of(buyer), Optional.empty(), 2))).containsExactly(newest.id(), middle.id());
        assertThat(orders.list(Optional.empty(), Optional.empty(), 1000))
                .isSortedAccordingTo(Comparator.comparing(TradeOrder::createdAt).reversed())
                .extracting(TradeOrder::id).contains(oldest.id(), middle.id(), newest.id(), someoneElses.id());
    }

    @Test
    void listsAPartysOrdersInOneRoomNewestFirst() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        TradeOrder older = order(offer, buyer, "10", NOW.minusSeconds(20));
        TradeOrder newer = order(offer, buyer, "10", NOW.minusSeconds(10));
        order(offer, user(), "10", NOW.minusSeconds(5)); // the agent's, in another room
        step(older, older.markPaid(buyer, NOW));
        RoomId room = room(agent, buyer);

        assertThat(ids(orders.listInRoom(buyer, room, Optional.empty(), 10))).containsExactly(newer.id(), older.id());
        assertThat(ids(orders.listInRoom(agent, room, Optional.empty(), 10))).containsExactly(newer.id(), older.id());
        assertThat(ids(orders.listInRoom(agent, room, Optional.of(OrderStatus.PAID), 10))).containsExactly(older.id());
        assertThat(ids(orders.listInRoom(buyer, room, Optional.empty(), 1))).containsExactly(newer.id());
        assertThat(orders.listInRoom(user(), room, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void ordersPlacedAtOneMomentAreListedByIdentity() {
        UserId buyer = user();
        Offer offer = offer(user(Role.AGENT), OfferSide.SELL);
        List<TradeOrder> placed = List.of(order(offer, buyer, "10", NOW), order(offer, buyer, "10", NOW),
                order(offer, buyer, "10", NOW));

        // ids in the order of their text, which is the order of their bytes, as PostgreSQL compares uuids
        assertThat(ids(orders.list(Optional.of(buyer), Optional.empty(), 10)))
                .containsExactlyElementsOf(placed.stream().map(TradeOrder::id)
                        .sorted(Comparator.comparing(id -> id.value().toString())).toList());
    }

    @Test
    void anAgentsRecordCountsTheOrdersThatEndedSince() {
        UserId agent = user(Role.AGENT);
        Offer offer = offer(agent, OfferSide.SELL);
        TradeOrder completed = order(offer, user(), "10", NOW);
        TradeOrder paid = step(completed, completed.markPaid(completed.buyer(), NOW.plusSeconds(1)));
        step(paid, paid.release(agent, NOW.plusSeconds(2)));
        TradeOrder cancelled = order(offer, user(), "10", NOW);
        step(cancelled, cancelled.cancel(cancelled.buyer(), NOW.plusSeconds(3)));
        order(offer, user(), "10", NOW);
        TradeOrder longAgo = order(offer, user(), "10", NOW.minus(Duration.ofDays(11)));
        step(longAgo, longAgo.cancel(longAgo.buyer(), NOW.minus(Duration.ofDays(10))));

        assertThat(orders.recordOf(agent, NOW.minus(Duration.ofDays(1)))).isEqualTo(new Orders.AgentRecord(1, 2));
        assertThat(orders.recordOf(agent, NOW.plusSeconds(3))).isEqualTo(new Orders.AgentRecord(0, 1));
        assertThat(orders.recordOf(user(), NOW.minus(Duration.ofDays(1)))).isEqualTo(new Orders.AgentRecord(0, 0));
    }

    @Test
    void aPlacersRecordCountsTheirUnpaidOrdersAndTheirCancellationsSinceOldestFirst() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        order(offer, buyer, "10", NOW);
        order(offer, user(), "10", NOW);
        TradeOrder paid = order(offer, buyer, "10", NOW);
        step(paid, paid.markPaid(buyer, NOW));
        TradeOrder expired = order(offer, buyer, "10", NOW.minus(Duration.ofHours(1)));
        step(expired, expired.expire(NOW.minus(Duration.ofMinutes(30))));
        TradeOrder cancelled = order(offer, buyer, "10", NOW.minus(Duration.ofHours(2)));
        step(cancelled, cancelled.cancel(buyer, NOW.minus(Duration.ofHours(2))));
        TradeOrder longAgo = order(offer, buyer, "10", NOW.minus(Duration.ofDays(2)));
        step(longAgo, longAgo.cancel(buyer, NOW.minus(Duration.ofDays(2))));

        assertThat(orders.recordOfPlacer(buyer, NOW.minus(Duration.ofDays(1)))).isEqualTo(new Orders.PlacerRecord(1,
                List.of(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(30)))));
        assertThat(orders.recordOfPlacer(agent, NOW.minus(Duration.ofDays(1)))).isEqualTo(new Orders.PlacerRecord(0, List.of()));
    }

    @Test
    void aPlacementWaitsForTheSamePlacersOtherPlacementAndSeesIt() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        RoomId room = room(agent, buyer);

        List<Long> unpaidSeen = whileOpen(() -> {
            orders.lockPlacer(buyer);
            long unpaid = orders.recordOfPlacer(buyer, NOW).awaitingPayment();
            placed(offer, buyer, room, "first");
            return unpaid;
        }, () -> {
            orders.lockPlacer(buyer);
            return orders.recordOfPlacer(buyer, NOW).awaitingPayment();
        });

        assertThat(unpaidSeen).containsExactly(0L, 1L);
    }
}
