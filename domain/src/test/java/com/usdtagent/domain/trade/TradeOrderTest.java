package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeOrderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final UserId AGENT = UserId.newId();
    private static final UserId USER = UserId.newId();
    private static final UserId ADMIN = UserId.newId();
    private static final UserId STRANGER = UserId.newId();

    private static Offer offer(OfferSide side) {
        var terms = new Offer.Terms(side, "USD", new Fiat(new BigDecimal("1.07")), usdt("10"), usdt("500"),
                List.of("bank"), null, "");
        return Offer.post(new PublicProfile(AGENT, new Username("agent_ann"), Role.AGENT), terms, T0);
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }

    private static TradeOrder placed() {
        return TradeOrder.place(offer(OfferSide.SELL), USER, usdt("100.000001"), RoomId.newId(), T0);
    }

    /** An order in {@code status}, reached by the allowed steps. */
    private static TradeOrder in(OrderStatus status) {
        TradeOrder order = placed();
        Instant later = T0.plusSeconds(60);
        return switch (status) {
            case PENDING_PAYMENT -> order;
            case PAID -> order.markPaid(USER, later);
            case APPEAL -> order.markPaid(USER, later).openAppeal(USER, "no USDT arrived", later);
            case COMPLETED -> order.markPaid(USER, later).release(AGENT, later);
            case CANCELLED -> order.cancel(USER, later);
            case REFUNDED -> in(OrderStatus.APPEAL).resolve(ADMIN, Role.ADMIN, AppealOutcome.REFUND, later);
        };
    }

    /** Every step, by its rightful actor, late enough for the timer. */
    private static final Map<String, Function<TradeOrder, TradeOrder>> STEPS = Map.of(
            "paid", order -> order.markPaid(USER, T0.plus(Duration.ofHours(1))),
            "cancel", order -> order.cancel(USER, T0.plus(Duration.ofHours(1))),
            "expire", order -> order.expire(T0.plus(Duration.ofHours(1))),
            "release", order -> order.release(AGENT, T0.plus(Duration.ofHours(1))),
            "appeal", order -> order.openAppeal(AGENT, "the fiat never arrived", T0.plus(Duration.ofHours(1))),
            "resolve", order -> order.resolve(ADMIN, Role.ADMIN, AppealOutcome.RELEASE, T0.plus(Duration.ofHours(1))));

    private static final Map<String, OrderStatus> ALLOWED_FROM = Map.of(
            "paid", OrderStatus.PENDING_PAYMENT, "cancel", OrderStatus.PENDING_PAYMENT,
            "expire", OrderStatus.PENDING_PAYMENT, "release", OrderStatus.PAID, "appeal", OrderStatus.PAID,
            "resolve", OrderStatus.APPEAL);

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void eachStepIsAllowedFromItsOneStatusAndRefusedWithInvalidStateFromEveryOther(OrderStatus from) {
        STEPS.forEach((name, step) -> {
            TradeOrder order = in(from);
            if (ALLOWED_FROM.get(name) == from) {
                TradeOrder after = step.apply(order);
                assertThat(after.status()).as(name).isNotEqualTo(from);
                assertThat(after.audit()).hasSize(order.audit().size() + 1);
            } else {
                assertThatThrownBy(() -> step.apply(order)).as(name + " from " + from)
                        .isInstanceOfSatisfying(BusinessException.class,
                                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_STATE));
            }
        });
    }

    @Test
    void placingFixesTheFiatAmountRoundedHalfUpToCentsAndSellsForTheAgentOnASellOffer() {
        TradeOrder order = placed();
        // 100.000001 x 1.07 = 107.00000107
        assertThat(order.fiatAmount().wire()).isEqualTo("107");
        assertThat(usdt("0.5").times(new Fiat(new BigDecimal("0.01"))).wire()).isEqualTo("0.01");
        assertThat(usdt("0.4").times(new Fiat(new BigDecimal("0.01"))).wire()).isEqualTo("0");
        assertThat(order.seller()).isEqualTo(AGENT);
        assertThat(order.buyer()).isEqualTo(USER);
        assertThat(order.paymentWindowEndsAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(order.audit()).containsExactly(new AuditEntry(OrderStatus.PENDING_PAYMENT, USER, T0));
    }

    @Test
    void onABuyOfferTheUserSellsAndTheAgentBuys() {
        TradeOrder order = TradeOrder.place(offer(OfferSide.BUY), USER, usdt("10"), RoomId.newId(), T0);
        assertThat(order.seller()).isEqualTo(USER);
        assertThat(order.buyer()).isEqualTo(AGENT);
    }

    @Test
    void theWrongPartyIsForbiddenWhateverTheStatus() {
        assertForbidden(() -> placed().markPaid(AGENT, T0));
        assertForbidden(() -> placed().cancel(AGENT, T0));
        assertForbidden(() -> in(OrderStatus.PAID).release(USER, T0));
        assertForbidden(() -> in(OrderStatus.PAID).openAppeal(STRANGER, "x", T0));
        assertForbidden(() -> in(OrderStatus.APPEAL).resolve(AGENT, Role.AGENT, AppealOutcome.RELEASE, T0));
        assertForbidden(() -> in(OrderStatus.COMPLETED).release(USER, T0));
    }

    @Test
    void theTimerWaitsForThePaymentWindowAndIsRecordedAsTheServer() {
        assertThatThrownBy(() -> placed().expire(T0.plus(Duration.ofMinutes(14))))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_STATE));
        TradeOrder expired = placed().expire(T0.plus(Duration.ofMinutes(15)));
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(expired.audit().getLast().actor()).isNull();
        assertThat(expired.cancelledAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anAppealRecordsWhoAndWhyAndAnAdminRulesEitherWay() {
        TradeOrder appealed = in(OrderStatus.PAID).openAppeal(AGENT, "  no money arrived ", T0);
        assertThat(appealed.appeal()).isEqualTo(new Appeal(AGENT, "no money arrived", T0));
        assertThat(appealed.resolve(ADMIN, Role.ADMIN, AppealOutcome.RELEASE, T0).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(appealed.resolve(ADMIN, Role.ADMIN, AppealOutcome.REFUND, T0).status()).isEqualTo(OrderStatus.REFUNDED);
        for (String unfit : List.of(" ", "too short", "x".repeat(2001))) {
            assertThatThrownBy(() -> in(OrderStatus.PAID).openAppeal(AGENT, unfit, T0)).as(unfit)
                    .isInstanceOfSatisfying(BusinessException.class,
                            refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
        assertThat(in(OrderStatus.PAID).openAppeal(AGENT, "x".repeat(2000), T0).appeal().reason()).hasSize(2000);
    }

    @Test
    void evidenceIsTheAppellantsOwnUploadOrAFileSentInTheOrdersRoom() {
        TradeOrder paid = in(OrderStatus.PAID);
        Attachment mine = file(paid.roomId(), AGENT, null);
        Attachment theirsSent = file(paid.roomId(), USER, MessageId.newId());
        TradeOrder appealed = paid.openAppeal(AGENT, "the fiat never arrived", List.of(mine, theirsSent), T0);
        assertThat(appealed.appeal().evidence()).containsExactly(mine, theirsSent);

        assertForbidden(() -> paid.openAppeal(AGENT, "the fiat never arrived", List.of(file(paid.roomId(), USER, null)), T0));
        assertForbidden(() -> paid.openAppeal(AGENT, "the fiat never arrived", List.of(file(RoomId.newId(), AGENT, null)), T0));
        assertThatThrownBy(() -> paid.openAppeal(AGENT, "the fiat never arrived",
                java.util.Collections.nCopies(11, mine), T0))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    private static Attachment file(RoomId room, UserId uploader, MessageId sentIn) {
        return new Attachment(AttachmentId.newId(), room, uploader, AttachmentKind.IMAGE, "image/png", "proof.png", 100,
                10, 10, "image/png", T0, sentIn);
    }

    @Test
    void theEscrowMovesOnlyWhenTheOrderEndsToTheBuyerOnCompletionElseBackToTheSeller() {
        assertThat(Movement.settling(in(OrderStatus.PENDING_PAYMENT))).isEmpty();
        assertThat(Movement.settling(in(OrderStatus.PAID))).isEmpty();
        assertThat(Movement.settling(in(OrderStatus.APPEAL))).isEmpty();
        assertThat(Movement.settling(in(OrderStatus.COMPLETED)).orElseThrow().kind()).isEqualTo(Movement.Kind.RELEASE);
        assertThat(Movement.settling(in(OrderStatus.CANCELLED)).orElseThrow().kind()).isEqualTo(Movement.Kind.REFUND);
        assertThat(Movement.settling(in(OrderStatus.REFUNDED)).orElseThrow().kind()).isEqualTo(Movement.Kind.REFUND);
    }

    @Test
    void anOfferRefusesOrdersOutsideItsLimitsAndWhenNotActive() {
        Offer offer = offer(OfferSide.SELL);
        assertThatThrownBy(() -> offer.requireTakes(usdt("9.999999")))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> offer.requireTakes(usdt("500.000001"))).isInstanceOf(BusinessException.class);
        var pause = new Offer.Changes(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(OfferStatus.PAUSED));
        assertThatThrownBy(() -> offer.changedBy(AGENT, pause).requireTakes(usdt("10")))
                .isInstanceOfSatisfying(BusinessException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_STATE));
        assertForbidden(() -> offer.changedBy(USER, pause));
    }

    @Test
    void amountsAreDecimalStringsWithBoundedDecimals() {
        assertThat(Usdt.parse("a", "125.5").wire()).isEqualTo("125.5");
        assertThat(Usdt.parse("a", "0.000001").wire()).isEqualTo("0.000001");
        for (String bad : List.of("0.0000001", "1e3", "-1", "0", " 1", "1.", "")) {
            assertThatThrownBy(() -> Usdt.parse("a", bad)).as(bad).isInstanceOf(BusinessException.class);
        }
        assertThatThrownBy(() -> Fiat.parsePositive("p", "1.001")).isInstanceOf(BusinessException.class);
    }

    private static void assertForbidden(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
