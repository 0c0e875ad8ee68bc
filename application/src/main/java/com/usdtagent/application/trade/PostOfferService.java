package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.Offer;

import java.time.Clock;

final class PostOfferService implements PostOffer {

    private final Offers offers;
    private final OfferViews views;
    private final Clock clock;

    PostOfferService(Offers offers, OfferViews views, Clock clock) {
        this.offers = offers;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public OfferView post(AuthenticatedUser agent, Offer.Terms terms) {
        Offer offer = Offer.post(views.profile(agent), terms, clock.instant());
        offers.add(offer);
        return views.view(offer);
    }
}
