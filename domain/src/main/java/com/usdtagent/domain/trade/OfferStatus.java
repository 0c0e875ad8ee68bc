package com.usdtagent.domain.trade;

/** Only ACTIVE offers are listed and take orders; a CLOSED offer never changes again. */
public enum OfferStatus {
    ACTIVE, PAUSED, CLOSED
}
