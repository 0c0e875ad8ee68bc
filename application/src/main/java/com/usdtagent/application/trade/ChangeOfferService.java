package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;

final class ChangeOfferService implements ChangeOffer {

    private final Offers offers;
    private final OfferViews views;
    private final Transactions transactions;

    ChangeOfferService(Offers offers, OfferViews views, Transactions transactions) {
        this.offers = offers;
        this.views = views;
        this.transactions = transactions;
    }

    @Override
    public OfferView change(AuthenticatedUser agent, OfferId id, Offer.Changes changes) {
        Offer changed = transactions.inTransaction(() -> {
            Offer offer = offers.lock(id).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such offer"));
            Offer next = offer.changedBy(agent.id(), changes);
            offers.update(next);
            return next;
        });
        return views.view(changed);
    }
}
