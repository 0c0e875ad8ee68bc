package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;

import java.util.List;

final class ListOffersService implements ListOffers {

    private final Offers offers;
    private final OfferViews views;

    ListOffersService(Offers offers, OfferViews views) {
        this.offers = offers;
        this.views = views;
    }

    @Override
    public List<OfferView> list(AuthenticatedUser viewer, Query query) {
        return offers.listActive(query, LIMIT).stream().map(views::view).toList();
    }
}
