package com.usdtagent.domain.trade;

/** An admin's ruling on an appeal: the escrow goes to the buyer (RELEASE) or back to the seller (REFUND). */
public enum AppealOutcome {
    RELEASE, REFUND
}
