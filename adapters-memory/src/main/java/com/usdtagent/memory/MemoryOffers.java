package com.usdtagent.memory;

import com.usdtagent.application.trade.ListOffers;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OfferStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Offers by id, as {@code JdbiOffers}. */
final class MemoryOffers implements Offers {

    /** SELL offers cheapest first, then BUY offers dearest first: the best price for the user either way. */
    private static final Comparator<Offer> BEST_FIRST = Comparator
            .comparing((Offer offer) -> offer.side() == OfferSide.BUY)
            .thenComparing(offer -> offer.side() == OfferSide.SELL ? offer.price().value() : offer.price().value().negate())
            .thenComparing(Offer::createdAt)
            .thenComparing(offer -> offer.id().value(), Uuids.POSTGRES_ORDER);

    private static final Comparator<Offer> NEWEST_FIRST = Comparator.comparing(Offer::createdAt).reversed()
            .thenComparing(offer -> offer.id().value(), Uuids.POSTGRES_ORDER);

    private final MemoryStore store;
    private final Table<OfferId, Offer> offers;

    MemoryOffers(MemoryStore store) {
        this.store = store;
        this.offers = new Table<>(store);
    }

    @Override
    public void add(Offer offer) {
        store.atomically(() -> offers.insert(offer.id(), offer));
    }

    @Override
    public Optional<Offer> findById(OfferId id) {
        return offers.find(id);
    }

    @Override
    public Optional<Offer> lock(OfferId id) {
        return store.atomically(() -> offers.lock(id));
    }

    @Override
    public void update(Offer offer) {
        // the agent, side, currency and creation time stay as stored, as the UPDATE leaves them
        store.atomically(() -> offers.lock(offer.id()).ifPresent(stored -> offers.put(offer.id(), new Offer(
                stored.id(), stored.agent(), stored.side(), stored.fiatCurrency(), offer.price(), offer.minUsdt(),
                offer.maxUsdt(), offer.paymentMethods(), offer.paymentWindowMinutes(), offer.terms(), offer.status(),
                stored.createdAt()))));
    }

    @Override
    public List<Offer> listActive(ListOffers.Query query, int limit) {
        return offers.values(offer -> offer.status() == OfferStatus.ACTIVE
                        && query.side().map(offer.side()::equals).orElse(true)
                        && query.fiatCurrency().map(offer.fiatCurrency()::equals).orElse(true)
                        && query.usdtAmount().map(amount -> offer.minUsdt().compareTo(amount) <= 0
                        && offer.maxUsdt().compareTo(amount) >= 0).orElse(true))
                .stream().sorted(BEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<Offer> listOf(UserId agent, int limit) {
        return offers.values(offer -> offer.agent().equals(agent)).stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }
}
