package com.usdtagent.usecases.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.trade.OrderView;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.AuditEntry;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static com.usdtagent.usecases.Signals.namesSentTo;
import static com.usdtagent.usecases.Signals.refusal;
import static com.usdtagent.usecases.Signals.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order steps on the in-memory adapters: every transition and who may take it, the escrow's moves in the ledger,
 * the note each step leaves in the pair's room, and the payment window's timer.
 */
class OrderStepsTest {

    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(15);

    private final InMemoryNode node = new InMemoryNode();
    private final AuthenticatedUser agent = node.account("agent", Role.AGENT);
    private final AuthenticatedUser buyer = node.account("buyer", Role.USER);
    private final AuthenticatedUser stranger = node.account("stranger", Role.USER);
    private final Offer offer;

    OrderStepsTest() {
        node.credit(agent, "100");
        node.phone(agent);
        node.phone(buyer);
        offer = node.trade.postOffer().post(agent, new Offer.Terms(OfferSide.SELL, "USD",
                new Fiat(new BigDecimal("1.01")), usdt("1"), usdt("1000"), List.of("bank"),
                (int) PAYMENT_WINDOW.toMinutes(), "")).offer();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static Usdt usdt(String amount) {
        return new Usdt(new BigDecimal(amount));
    }

    private static WalletBalance balance(String available, String locked) {
        return new WalletBalance(usdt(available), usdt(locked));
    }

    private TradeOrder place(String amount, String key) {
        return node.trade.placeOrder().place(buyer, new PlaceOrder.Command(offer.id(), usdt(amount), key)).order();
    }

    private TradeOrder stored(OrderId id) {
        return node.trade.showOrders().show(node.admin(), id).order();
    }

    private long unreadOf(AuthenticatedUser party, TradeOrder order) {
        return node.memory.roomList().summaryFor(order.roomId(), party.id()).orElseThrow().unreadCount();
    }

    private List<Message> notes(TradeOrder order) {
        return node.memory.messages().after(order.roomId(), 0, 100);
    }

    @Test
    void placingAnOrderLocksTheSellersUsdtAndTellsBothParties() {
        // when
        TradeOrder order = place("25", "key-1");

        // then
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.fiatAmount()).isEqualTo(new Fiat(new BigDecimal("25.25")));
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "25"));
        assertThat(node.wallet.balance(buyer)).isEqualTo(balance("0", "0"));
        assertThat(notes(order)).singleElement().satisfies(note -> {
            assertThat(note.type()).isEqualTo(MessageType.SYSTEM);
            assertThat(note.senderId()).isEqualTo(buyer.id());
            assertThat(note.text()).isEqualTo("Order placed: 25 USDT for 25.25 USD. Waiting for the buyer's payment.");
            assertThat(note.meta()).containsEntry("orderId", order.id().toString())
                    .containsEntry("orderStatus", "PENDING_PAYMENT");
        });
        // the buyer took the step and has read its note; the agent has not
        assertThat(unreadOf(buyer, order)).isZero();
        assertThat(unreadOf(agent, order)).isOne();
        for (AuthenticatedUser party : List.of(agent, buyer)) {
            assertThat(namesSentTo(node.memory, party.id())).containsExactly("newMessage", "roomUpdated", "orderUpdated");
            assertThat(sentTo(node.memory, party.id(), "orderUpdated", OrderView.class).getFirst().order())
                    .isEqualTo(order);
        }
        assertThat(node.pushesTo(agent)).extracting(PushMessage::body).containsExactly("Your order is now PENDING_PAYMENT");
        assertThat(node.pushesTo(buyer)).isEmpty();
    }

    @Test
    void placingAgainWithTheSameKeyReturnsTheSameOrderAndLocksTheUsdtOnce() {
        // given
        TradeOrder first = place("25", "key-1");

        // when
        TradeOrder again = place("25", "key-1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "25"));
        assertThat(notes(first)).hasSize(1);
        assertThat(refusal(() -> place("30", "key-1"))).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void theBuyerPaysAndTheSellerReleasesTheEscrowToTheBuyer() {
        // given
        TradeOrder order = place("25", "key-1");

        // when
        TradeOrder paid = node.trade.markOrderPaid().markPaid(buyer, order.id()).order();
        TradeOrder completed = node.trade.releaseEscrow().release(agent, order.id()).order();

        // then
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.audit()).extracting(AuditEntry::status).containsExactly(
                OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.COMPLETED);
        assertThat(node.wallet.balance(buyer)).isEqualTo(balance("25", "0"));
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "0"));
        assertThat(notes(order)).extracting(Message::text).containsExactly(
                "Order placed: 25 USDT for 25.25 USD. Waiting for the buyer's payment.",
                "The buyer marked the order paid.",
                "The USDT went to the buyer. Order completed.");
        assertThat(stored(order.id())).isEqualTo(completed);
    }

    @Test
    void theBuyerCancelsBeforePayingAndTheUsdtGoesBackToTheSeller() {
        // given
        TradeOrder order = place("25", "key-1");

        // when
        TradeOrder cancelled = node.trade.cancelOrder().cancel(buyer, order.id()).order();

        // then
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(node.memory.clock().instant());
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("100", "0"));
        assertThat(notes(order).getLast().text()).isEqualTo("The buyer cancelled the order. The USDT went back to the seller.");
    }

    @Test
    void anAdminRulesOnAnAppealEitherWay() {
        // given two paid orders under appeal, one by each party
        TradeOrder toRelease = place("25", "key-1");
        TradeOrder toRefund = place("10", "key-2");
        for (TradeOrder order : List.of(toRelease, toRefund)) {
            node.trade.markOrderPaid().markPaid(buyer, order.id());
        }
        node.trade.appealOrder().appeal(buyer, toRelease.id(), "I paid, no USDT yet");
        TradeOrder appealed = node.trade.appealOrder().appeal(agent, toRefund.id(), "  no money arrived ").order();
        assertThat(appealed.status()).isEqualTo(OrderStatus.APPEAL);
        assertThat(appealed.appeal().reason()).isEqualTo("no money arrived");
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("65", "35"));
        long unreadBefore = unreadOf(buyer, appealed);

        // when
        TradeOrder released = node.trade.resolveAppeal().resolve(node.admin(), toRelease.id(), AppealOutcome.RELEASE).order();
        TradeOrder refunded = node.trade.resolveAppeal().resolve(node.admin(), toRefund.id(), AppealOutcome.REFUND).order();

        // then
        assertThat(released.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunded.cancelledAt()).isNotNull();
        assertThat(node.wallet.balance(buyer)).isEqualTo(balance("25", "0"));
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "0"));
        assertThat(notes(refunded).getLast().text()).isEqualTo("An admin refunded the USDT to the seller.");
        // an admin's ruling is news to the parties: none of them read it by taking the step
        assertThat(unreadOf(buyer, refunded)).isEqualTo(unreadBefore + 2);
    }

    @Test
    void onlyTheRightPartyMayTakeEachStepAndARefusedStepChangesNothing() {
        // given a paid order
        TradeOrder order = place("25", "key-1");
        node.trade.markOrderPaid().markPaid(buyer, order.id());
        TradeOrder before = stored(order.id());
        int notesBefore = notes(order).size();

        // when / then
        assertThat(refusal(() -> node.trade.releaseEscrow().release(buyer, order.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.releaseEscrow().release(stranger, order.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.appealOrder().appeal(stranger, order.id(), "mine"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.resolveAppeal().resolve(agent, order.id(), AppealOutcome.REFUND)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.showOrders().show(stranger, order.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        TradeOrder other = place("5", "key-2");
        assertThat(refusal(() -> node.trade.markOrderPaid().markPaid(agent, other.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.cancelOrder().cancel(agent, other.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.trade.markOrderPaid().markPaid(buyer, OrderId.newId()))).isEqualTo(ErrorCode.NOT_FOUND);

        assertThat(stored(order.id())).isEqualTo(before);
        assertThat(notes(order)).hasSize(notesBefore + 1); // the other order's note only
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("70", "30"));
    }

    @Test
    void aStepFromTheWrongStatusIsRefusedWithInvalidState() {
        // given
        TradeOrder pending = place("25", "key-1");

        // when / then
        assertThat(refusal(() -> node.trade.releaseEscrow().release(agent, pending.id()))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.trade.appealOrder().appeal(buyer, pending.id(), "why, oh why"))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.trade.resolveAppeal().resolve(node.admin(), pending.id(), AppealOutcome.RELEASE)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        node.trade.markOrderPaid().markPaid(buyer, pending.id());
        assertThat(refusal(() -> node.trade.cancelOrder().cancel(buyer, pending.id()))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.trade.markOrderPaid().markPaid(buyer, pending.id()))).isEqualTo(ErrorCode.INVALID_STATE);
        node.trade.releaseEscrow().release(agent, pending.id());
        assertThat(refusal(() -> node.trade.releaseEscrow().release(agent, pending.id()))).isEqualTo(ErrorCode.INVALID_STATE);

        assertThat(stored(pending.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(node.wallet.balance(buyer)).isEqualTo(balance("25", "0"));
    }

    @Test
    void thePaymentWindowCancelsAnUnpaidOrderOnceAndReturnsTheUsdt() {
        // given
        TradeOrder order = place("25", "key-1");
        node.memory.clearSent();

        // when the window has not quite passed
        node.memory.advanceClock(PAYMENT_WINDOW.minusSeconds(1));

        // then
        assertThat(node.trade.expireOrders().expire()).isZero();
        assertThat(stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        // when it has
        node.memory.advanceClock(Duration.ofSeconds(1));

        // then
        assertThat(node.trade.expireOrders().expire()).isOne();
        assertThat(node.trade.expireOrders().expire()).isZero();
        TradeOrder cancelled = stored(order.id());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.audit().getLast().actor()).isNull();
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("100", "0"));
        assertThat(notes(order).getLast().text())
                .isEqualTo("The payment window passed. Order cancelled, the USDT went back to the seller.");
        for (AuthenticatedUser party : List.of(agent, buyer)) {
            assertThat(sentTo(node.memory, party.id(), "orderUpdated", OrderView.class)).singleElement()
                    .satisfies(view -> assertThat(view.order().status()).isEqualTo(OrderStatus.CANCELLED));
            assertThat(node.pushesTo(party)).extracting(PushMessage::body).contains("Your order is now CANCELLED");
            RoomSummary line = sentTo(node.memory, party.id(), "roomUpdated", RoomSummary.class).getLast();
            assertThat(line.lastMessage().message()).isEqualTo(notes(order).getLast());
        }
    }

    @Test
    void anOrderPaidInTimeOutlivesItsPaymentWindow() {
        // given
        TradeOrder order = place("25", "key-1");
        node.memory.advanceClock(PAYMENT_WINDOW.minusMinutes(1));
        node.trade.markOrderPaid().markPaid(buyer, order.id());

        // when
        node.memory.advanceClock(Duration.ofHours(1));

        // then
        assertThat(node.trade.expireOrders().expire()).isZero();
        assertThat(stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "25"));
    }

    @Test
    void releasesRacingOnOneOrderMoveTheEscrowOnce() {
        // given
        TradeOrder order = place("25", "key-1");
        node.trade.markOrderPaid().markPaid(buyer, order.id());
        var start = new CountDownLatch(1);

        // when
        List<CompletableFuture<Object>> releases = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            try {
                return (Object) node.trade.releaseEscrow().release(agent, order.id()).order().status();
            } catch (BusinessException refused) {
                return refused.code();
            }
        }, runnable -> Thread.ofPlatform().start(runnable))).toList();
        start.countDown();

        // then
        assertThat(releases.stream().map(CompletableFuture::join)).containsOnlyOnce(OrderStatus.COMPLETED)
                .filteredOn(ErrorCode.class::isInstance).hasSize(9).containsOnly(ErrorCode.INVALID_STATE);
        assertThat(node.wallet.balance(buyer)).isEqualTo(balance("25", "0"));
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("75", "0"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrderBeyondTheSellersFundsIsRefusedAndLeavesNothingBehind() {
        // when
        ErrorCode refused = refusal(() -> place("150", "key-1"));

        // then
        assertThat(refused).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(node.trade.showOrders().list(buyer, Optional.empty())).isEmpty();
        assertThat(node.memory.chatRooms().findByPair(buyer.id(), agent.id())).isEmpty();
        assertThat(node.wallet.balance(agent)).isEqualTo(balance("100", "0"));
        assertThat(node.memory.sent()).isEmpty();
    }
}
