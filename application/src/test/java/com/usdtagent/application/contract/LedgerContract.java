package com.usdtagent.application.contract;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.TradeOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Ledger}: every movement moves the balances with its entries; a movement with a known reference does
 * nothing; no balance goes below zero, however many movements race for it, and a refused movement writes nothing.
 */
public abstract class LedgerContract extends PortContract {

    private Ledger ledger;

    @BeforeEach
    void ports() {
        ledger = adapters.ledger();
    }

    private static WalletBalance balance(String available, String locked) {
        return new WalletBalance(usdt(available), usdt(locked));
    }

    private boolean deposit(UserId user, String amount, String reference) {
        return ledger.record(Movement.deposit(user, usdt(amount), reference), NOW);
    }

    private static String reference() {
        return "tx-" + UUID.randomUUID();
    }

    /** Runs the step, returning the refusal's code, or null when it went through. */
    private static ErrorCode outcome(Supplier<?> step) {
        try {
            step.get();
            return null;
        } catch (BusinessException refusal) {
            return refusal.code();
        }
    }

    @Test
    void aUserWithoutMovementsHasAnEmptyWallet() {
        UserId user = user();

        assertThat(ledger.balanceOf(user)).isEqualTo(WalletBalance.EMPTY);
        assertThat(ledger.entriesOf(user, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aDepositCreditsTheAvailableBalanceWithOneEntry() {
        UserId user = user();
        String reference = reference();

        assertThat(deposit(user, "12.345678", reference)).isTrue();

        assertThat(ledger.balanceOf(user)).isEqualTo(balance("12.345678", "0"));
        List<LedgerEntry> entries = ledger.entriesOf(user, Optional.empty(), 10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Movement.Kind.DEPOSIT);
            assertThat(entry.account()).isEqualTo(LedgerAccount.Bucket.AVAILABLE);
            assertThat(entry.amount()).isEqualByComparingTo("12.345678");
            assertThat(entry.orderId()).isNull();
            assertThat(entry.reference()).isEqualTo(reference);
            assertThat(entry.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aMovementWithAKnownReferenceIsRecordedOnceHoweverManyRace() {
        UserId user = user();
        String reference = reference();

        List<Boolean> recorded = AtOnce.run(5, i -> () -> deposit(user, "7.5", reference));

        assertThat(recorded).containsOnlyOnce(true);
        assertThat(deposit(user, "7.5", reference)).isFalse();
        assertThat(ledger.balanceOf(user)).isEqualTo(balance("7.5", "0"));
        assertThat(ledger.entriesOf(user, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void escrowIsLockedThenReleasedToTheBuyerOrRefundedToTheSeller() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        Offer offer = offer(agent, OfferSide.SELL);
        deposit(agent, "100", reference());
        TradeOrder released = order(offer, buyer, "40", NOW);
        TradeOrder refunded = order(offer, buyer, "25", NOW);

        ledger.record(Movement.lock(released), NOW);
        ledger.record(Movement.lock(refunded), NOW);
        assertThat(ledger.balanceOf(agent)).isEqualTo(balance("35", "65"));

        ledger.record(Movement.release(released), NOW);
        ledger.record(Movement.refund(refunded), NOW);
        assertThat(ledger.balanceOf(agent)).isEqualTo(balance("60", "0"));
        assertThat(ledger.balanceOf(buyer)).isEqualTo(balance("40", "0"));
        assertThat(ledger.entriesOf(buyer, Optional.empty(), 10)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Movement.Kind.RELEASE);
            assertThat(entry.orderId()).isEqualTo(released.id());
            assertThat(entry.amount()).isEqualByComparingTo("40");
        });
    }

    @Test
    void aMovementThatWouldTakeABalanceBelowZeroIsRefusedAndWritesNothing() {
        UserId agent = user(Role.AGENT);
        UserId seller = user();
        deposit(seller, "5", reference());
        Offer buyOffer = offer(agent, OfferSide.BUY);
        TradeOrder tooMuch = order(buyOffer, seller, "5.000001", NOW);

        assertThat(outcome(() -> ledger.record(Movement.lock(tooMuch), NOW))).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);

        assertThat(ledger.balanceOf(seller)).isEqualTo(balance("5", "0"));
        assertThat(ledger.entriesOf(seller, Optional.empty(), 10)).hasSize(1);
        ledger.record(Movement.lock(order(buyOffer, seller, "5", NOW)), NOW);
        assertThat(ledger.balanceOf(seller)).isEqualTo(balance("0", "5"));
    }

    @Test
    void aRefusalInTheCallersTransactionRollsBackWithIt() {
        UserId seller = user();
        String reference = reference();
        TradeOrder order = order(offer(user(Role.AGENT), OfferSide.BUY), seller, "11", NOW);

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            deposit(seller, "10", reference);
            return ledger.record(Movement.lock(order), NOW);
        })).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS));

        assertThat(ledger.balanceOf(seller)).isEqualTo(WalletBalance.EMPTY);
        assertThat(deposit(seller, "10", reference)).isTrue();
    }

    @Test
    void ofTwentyLocksAtOnceOnOneBalanceExactlyThoseItCoversGoThrough() {
        UserId agent = user(Role.AGENT);
        Offer offer = offer(agent, OfferSide.SELL);
        deposit(agent, "95", reference());
        List<TradeOrder> orders = Stream.generate(() -> order(offer, user(), "10", NOW)).limit(20).toList();

        List<ErrorCode> outcomes = AtOnce.run(20, i -> () -> outcome(() -> ledger.record(Movement.lock(orders.get(i)), NOW)));

        assertThat(outcomes).filteredOn(code -> code == null).hasSize(9);
        assertThat(outcomes).filteredOn(code -> code != null).hasSize(11).containsOnly(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.balanceOf(agent)).isEqualTo(balance("5", "90"));
        assertThat(ledger.entriesOf(agent, Optional.empty(), 100)).hasSize(1 + 9 * 2)
                .extracting(LedgerEntry::amount).map(BigDecimal::stripTrailingZeros)
                .containsOnlyOnce(new BigDecimal("95")).filteredOn(amount -> amount.signum() > 0).hasSize(10);
    }

    @Test
    void aMovementWaitsForTheOneHoldingItsBalanceAndSeesWhatThatLeft() {
        UserId agent = user(Role.AGENT);
        Offer offer = offer(agent, OfferSide.SELL);
        deposit(agent, "10", reference());
        TradeOrder first = order(offer, user(), "10", NOW);
        TradeOrder second = order(offer, user(), "10", NOW);

        List<ErrorCode> outcomes = whileOpen(() -> outcome(() -> ledger.record(Movement.lock(first), NOW)),
                () -> outcome(() -> ledger.record(Movement.lock(second), NOW)));

        assertThat(outcomes).containsExactly(null, ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.balanceOf(agent)).isEqualTo(balance("0", "10"));
    }

    @Test
    void aMovementWaitsForTheOneTakingItsReferenceAndDoesNothing() {
        UserId user = user();
        String reference = reference();

        assertThat(whileOpen(() -> deposit(user, "3", reference), () -> deposit(user, "3", reference)))
                .containsExactly(true, false);
        assertThat(ledger.balanceOf(user)).isEqualTo(balance("3", "0"));
    }

    @Test
    void entriesComeNewestFirstInPages() {
        UserId user = user();
        deposit(user, "1", reference());
        deposit(user, "2", reference());
        deposit(user, "3", reference());

        List<LedgerEntry> newest = ledger.entriesOf(user, Optional.empty(), 2);
        assertThat(newest).extracting(LedgerEntry::amount).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("3"), new BigDecimal("2"));
        assertThat(ledger.entriesOf(user, Optional.of(newest.getLast().id()), 10))
                .extracting(LedgerEntry::amount).map(BigDecimal::stripTrailingZeros).containsExactly(BigDecimal.ONE);
    }
}
