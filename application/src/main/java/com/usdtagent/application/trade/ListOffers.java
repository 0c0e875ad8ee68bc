package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.Usdt;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/offers}: the ACTIVE offers, best price first. */
public interface ListOffers {

    int LIMIT = 100;

    List<OfferView> list(AuthenticatedUser viewer, Query query);

    /** @param usdtAmount only offers whose limits allow this amount */
    record Query(Optional<OfferSide> side, Optional<String> fiatCurrency, Optional<Usdt> usdtAmount) {
    }
}
