package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.Offer;

/** {@code POST /api/offers}: an agent advertises. */
public interface PostOffer {

    OfferView post(AuthenticatedUser agent, Offer.Terms terms);
}
