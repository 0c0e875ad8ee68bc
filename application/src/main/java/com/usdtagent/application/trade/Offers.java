package com.usdtagent.application.trade;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;

import java.util.List;
import java.util.Optional;

/** The stored offers. */
public interface Offers {

    void add(Offer offer);

    Optional<Offer> findById(OfferId id);

    /** Reads the offer and holds its row lock until the transaction ends. */
    Optional<Offer> lock(OfferId id);

    void update(Offer offer);

    /** ACTIVE offers matching the query, best price first: SELL offers cheapest first, BUY offers dearest first. */
    List<Offer> listActive(ListOffers.Query query, int limit);

    /** The agent's offers in every status, newest first. */
    List<Offer> listOf(UserId agent, int limit);
}
