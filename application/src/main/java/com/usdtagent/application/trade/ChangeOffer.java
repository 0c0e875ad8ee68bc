package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;

/** {@code PATCH /api/offers/{id}}: its agent changes, pauses or closes an offer. Orders placed already keep their terms. */
public interface ChangeOffer {

    OfferView change(AuthenticatedUser agent, OfferId id, Offer.Changes changes);
}
