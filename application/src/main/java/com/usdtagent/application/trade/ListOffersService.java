package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OfferId;

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

    @Override
    public OfferView show(AuthenticatedUser viewer, OfferId id) {
        return offers.findById(id).map(views::view)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such offer"));
    }

    @Override
    public List<OfferView> listOwn(AuthenticatedUser agent) {
        return offers.listOf(agent.id(), LIMIT).stream().map(views::view).toList();
    }
}
