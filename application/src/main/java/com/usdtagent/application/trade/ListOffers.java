package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.Usdt;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/offers}: the ACTIVE offers, best price first; one offer; {@code GET /api/me/offers}: the caller's own. */
public interface ListOffers {

    int LIMIT = 100;

    List<OfferView> list(AuthenticatedUser viewer, Query query);

    /** One offer in any status, such as the one an order was placed on: its payment methods and terms. */
    OfferView show(AuthenticatedUser viewer, OfferId id);

    /** The newest {@link #LIMIT} offers the caller posted, whatever their status, so that paused ones can resume. */
    List<OfferView> listOwn(AuthenticatedUser agent);

    /** @param usdtAmount only offers whose limits allow this amount */
    record Query(Optional<OfferSide> side, Optional<String> fiatCurrency, Optional<Usdt> usdtAmount) {
    }
}
