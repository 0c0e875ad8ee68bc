package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OfferId;

import java.util.List;
import java.util.Set;

final class ListOffersService implements ListOffers {

    private final Offers offers;
    private final OfferViews views;
    private final Blocks blocks;

    ListOffersService(Offers offers, OfferViews views, Blocks blocks) {
        this.offers = offers;
        this.views = views;
        this.blocks = blocks;
    }

    @Override
    public List<OfferView> list(AuthenticatedUser viewer, Query query) {
        // an agent who blocked the viewer is not offered to them (the page may come out shorter than LIMIT)
        Set<UserId> hidden = blocks.blockersOf(viewer.id());
        return offers.listActive(query, LIMIT).stream().filter(offer -> !hidden.contains(offer.agent()))
                .map(views::view).toList();
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
