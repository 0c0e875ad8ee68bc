package com.usdtagent.application.contract;

import com.usdtagent.application.trade.ListOffers;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OfferStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Offers}: what is stored comes back; the listing holds only ACTIVE offers matching the query, best price
 * first; a locked offer's changes take turns.
 */
public abstract class OffersContract extends PortContract {

    private Offers offers;

    @BeforeEach
    void ports() {
        offers = adapters.offers();
    }

    /** A stored ACTIVE offer of its own agent, 10 to 500 USDT. */
    private Offer offer(OfferSide side, String currency, String price, Instant createdAt) {
        var offer = new Offer(OfferId.newId(), user(Role.AGENT), side, currency, new Fiat(new BigDecimal(price)),
                usdt("10"), usdt("500"), List.of("bank", "cash"), 15, "terms", OfferStatus.ACTIVE, createdAt);
        offers.add(offer);
        return offer;
    }

    private List<OfferId> listed(Optional<OfferSide> side, String currency, Optional<String> amount, int limit) {
        return offers.listActive(new ListOffers.Query(side, Optional.of(currency), amount.map(PortContract::usdt)), limit)
                .stream().map(Offer::id).toList();
    }

    @Test
    void storesAnOfferAndItsChanges() {
        Offer offer = offer(OfferSide.SELL, "USD", "1.01", NOW);
        assertThat(offers.findById(offer.id())).contains(offer);
        assertThat(offers.findById(OfferId.newId())).isEmpty();

        Offer changed = offer.changedBy(offer.agent(), new Offer.Changes(Optional.of(new Fiat(new BigDecimal("1.02"))),
                Optional.of(usdt("20")), Optional.of(usdt("400")), Optional.of(List.of("wire")), Optional.of(30),
                Optional.of("new terms"), Optional.of(OfferStatus.PAUSED)));
        offers.update(changed);

        assertThat(offers.findById(offer.id())).contains(changed);
        assertThat(offers.lock(offer.id())).contains(changed);
    }

    @Test
    void listsAnAgentsOwnOffersInEveryStatusNewestFirst() {
        Offer older = offer(OfferSide.SELL, "USD", "1.01", NOW.minusSeconds(10));
        UserId agent = older.agent();
        var paused = new Offer(OfferId.newId(), agent, OfferSide.BUY, "EUR", new Fiat(new BigDecimal("0.95")),
                usdt("10"), usdt("500"), List.of("bank"), 15, "", OfferStatus.PAUSED, NOW);
        offers.add(paused);
        var sameMoment = new Offer(OfferId.newId(), agent, OfferSide.SELL, "USD", new Fiat(new BigDecimal("1.02")),
                usdt("10"), usdt("500"), List.of("bank"), 15, "", OfferStatus.ACTIVE, NOW);
        offers.add(sameMoment);
        offer(OfferSide.SELL, "USD", "1.00", NOW); // another agent's

        // the newest first; offers of one moment by identity, as PostgreSQL compares uuids
        List<OfferId> newest = Stream.of(paused, sameMoment).map(Offer::id)
                .sorted(Comparator.comparing(id -> id.value().toString())).toList();
        assertThat(offers.listOf(agent, 10)).extracting(Offer::id)
                .containsExactly(newest.get(0), newest.get(1), older.id());
        assertThat(offers.listOf(agent, 1)).extracting(Offer::id).containsExactly(newest.get(0));
        assertThat(offers.listOf(user(Role.AGENT), 10)).isEmpty();
    }

    @Test
    void listsSellOffersCheapestFirstAndBuyOffersDearestFirst() {
        Offer sellDear = offer(OfferSide.SELL, "EUR", "1.10", NOW);
        Offer sellCheap = offer(OfferSide.SELL, "EUR", "0.95", NOW);
        Offer buyCheap = offer(OfferSide.BUY, "EUR", "0.90", NOW);
        Offer buyDear = offer(OfferSide.BUY, "EUR", "1.05", NOW);

        assertThat(listed(Optional.of(OfferSide.SELL), "EUR", Optional.empty(), 10))
                .containsExactly(sellCheap.id(), sellDear.id());
        assertThat(listed(Optional.of(OfferSide.BUY), "EUR", Optional.empty(), 10))
                .containsExactly(buyDear.id(), buyCheap.id());
        assertThat(listed(Optional.empty(), "EUR", Optional.empty(), 10))
                .containsExactly(sellCheap.id(), sellDear.id(), buyDear.id(), buyCheap.id());
        assertThat(listed(Optional.empty(), "EUR", Optional.empty(), 3))
                .containsExactly(sellCheap.id(), sellDear.id(), buyDear.id());
    }

    @Test
    void offersAtOnePriceGoOldestFirstThenByIdentity() {
        Offer newer = offer(OfferSide.SELL, "GBP", "1.00", NOW.plusSeconds(1));
        List<Offer> sameMoment = List.of(offer(OfferSide.SELL, "GBP", "1.00", NOW), offer(OfferSide.SELL, "GBP", "1.00", NOW),
                offer(OfferSide.SELL, "GBP", "1.00", NOW));

        // ids in the order of their text, which is the order of their bytes, as PostgreSQL compares uuids
        List<OfferId> byId = sameMoment.stream().map(Offer::id)
                .sorted(Comparator.comparing(id -> id.value().toString())).toList();
        assertThat(listed(Optional.of(OfferSide.SELL), "GBP", Optional.empty(), 10))
                .containsExactly(byId.get(0), byId.get(1), byId.get(2), newer.id());
    }

    @Test
    void listsOnlyActiveOffersOfTheCurrencyWhoseLimitsTakeTheAmount() {
        Offer active = offer(OfferSide.SELL, "JPY", "150.00", NOW);
        Offer paused = offer(OfferSide.SELL, "JPY", "149.00", NOW);
        offers.update(paused.changedBy(paused.agent(), statusOnly(OfferStatus.PAUSED)));
        Offer closed = offer(OfferSide.SELL, "JPY", "148.00", NOW);
        offers.update(closed.changedBy(closed.agent(), statusOnly(OfferStatus.CLOSED)));
        offer(OfferSide.SELL, "CHF", "0.90", NOW);

        assertThat(listed(Optional.of(OfferSide.SELL), "JPY", Optional.empty(), 10)).containsExactly(active.id());
        assertThat(listed(Optional.of(OfferSide.SELL), "JPY", Optional.of("10"), 10)).containsExactly(active.id());
        assertThat(listed(Optional.of(OfferSide.SELL), "JPY", Optional.of("500"), 10)).containsExactly(active.id());
        assertThat(listed(Optional.of(OfferSide.SELL), "JPY", Optional.of("9.999999"), 10)).isEmpty();
        assertThat(listed(Optional.of(OfferSide.SELL), "JPY", Optional.of("500.000001"), 10)).isEmpty();
        assertThat(listed(Optional.of(OfferSide.BUY), "JPY", Optional.empty(), 10)).isEmpty();
    }

    /** Raises the price of the locked offer by a cent; returns the new price. */
    private Fiat raised(OfferId id) {
        Offer current = offers.lock(id).orElseThrow();
        Fiat raised = new Fiat(current.price().value().add(new BigDecimal("0.01")));
        offers.update(current.changedBy(current.agent(), new Offer.Changes(Optional.of(raised), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        return raised;
    }

    @Test
    void changesOfALockedOfferTakeTurns() {
        Offer offer = offer(OfferSide.SELL, "AUD", "1.00", NOW);

        AtOnce.run(10, i -> () -> adapters.transactions().inTransaction(() -> raised(offer.id())));

        assertThat(offers.findById(offer.id()).orElseThrow().price()).isEqualTo(new Fiat(new BigDecimal("1.10")));
    }

    @Test
    void aChangeWaitsForTheTransactionHoldingTheOfferAndBuildsOnItsResult() {
        Offer offer = offer(OfferSide.SELL, "NZD", "1.00", NOW);

        assertThat(whileOpen(() -> raised(offer.id()), () -> raised(offer.id())))
                .containsExactly(new Fiat(new BigDecimal("1.01")), new Fiat(new BigDecimal("1.02")));
    }

    private static Offer.Changes statusOnly(OfferStatus status) {
        return new Offer.Changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(status));
    }
}
