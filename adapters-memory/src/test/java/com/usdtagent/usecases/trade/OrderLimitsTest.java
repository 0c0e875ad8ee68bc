package com.usdtagent.usecases.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static com.usdtagent.usecases.Signals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The brakes on tying up an agent's money with orders nobody pays, at the production defaults: three unpaid orders
 * per user, and after three cancelled or expired ones in a day a wait until the oldest is a day old.
 */
class OrderLimitsTest {

    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(15);

    private final InMemoryNode node = new InMemoryNode();
    private final AuthenticatedUser agent = node.account("agent", Role.AGENT);
    private final AuthenticatedUser buyer = node.account("buyer", Role.USER);
    private final Offer offer;

    OrderLimitsTest() {
        node.credit(agent, "1000");
        offer = node.trade.postOffer().post(agent, new Offer.Terms(OfferSide.SELL, "USD",
                new Fiat(new BigDecimal("0.01")), usdt("0.01"), usdt("1000"), List.of("bank"),
                (int) PAYMENT_WINDOW.toMinutes(), "")).offer();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static Usdt usdt(String amount) {
        return new Usdt(new BigDecimal(amount));
    }

    private TradeOrder place(AuthenticatedUser who, String amount) {
        return node.trade.placeOrder().place(who, new PlaceOrder.Command(offer.id(), usdt(amount),
                UUID.randomUUID().toString())).order();
    }

    @Test
    void aFourthUnpaidOrderIsRefusedUntilOneIsPaidOrCancelled() {
        TradeOrder first = place(buyer, "10");
        place(buyer, "10");
        place(buyer, "10");

        var refused = catchThrowableOfType(BusinessException.class, () -> place(buyer, "10"));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refused.getMessage()).contains("3 unpaid orders");
        assertThat(place(node.account("someone_else", Role.USER), "10").status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        node.trade.markOrderPaid().markPaid(buyer, first.id());
        assertThat(place(buyer, "10").status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void threeCancelledOrExpiredOrdersInADayStopPlacementsUntilTheOldestIsADayOld() {
        TradeOrder cancelled = place(buyer, "10");
        node.trade.cancelOrder().cancel(buyer, cancelled.id());
        Instant firstCancelled = node.memory.clock().instant();
        node.memory.advanceClock(Duration.ofHours(1));
        place(buyer, "10");
        place(buyer, "10");
        node.memory.advanceClock(PAYMENT_WINDOW);
        assertThat(node.trade.expireOrders().expire()).isEqualTo(2);

        var refused = catchThrowableOfType(BusinessException.class, () -> place(buyer, "10"));
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refused.getMessage())
                .contains(firstCancelled.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());

        node.memory.advanceClock(Duration.between(node.memory.clock().instant(), firstCancelled.plus(Duration.ofDays(1))));
        assertThat(place(buyer, "10").status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void parallelPlacementsCannotBothPassTheCap() throws Exception {
        place(buyer, "10");
        place(buyer, "10");
        var start = new CountDownLatch(1);
        List<CompletableFuture<ErrorCode>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                place(buyer, "10");
                return (ErrorCode) null;
            } catch (BusinessException refused) {
                return refused.code();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        start.countDown();

        List<ErrorCode> outcomes = racing.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes.stream().filter(code -> code == null).count()).isOne();
        assertThat(outcomes.stream().filter(code -> code == ErrorCode.INVALID_STATE).count()).isEqualTo(7);
    }

    @Test
    void anOrderWhoseFiatAmountRoundsToZeroOrBelowTheMinimumIsInvalid() {
        // 0.01 USDT at 0.01 USD is 0.0001 USD: no cent at all
        assertThat(refusal(() -> place(buyer, "0.4"))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal(() -> place(buyer, "0.001"))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(place(buyer, "0.5").fiatAmount()).isEqualTo(new Fiat(new BigDecimal("0.01")));
    }
}
