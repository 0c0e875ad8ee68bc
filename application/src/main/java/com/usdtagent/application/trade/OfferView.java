package com.usdtagent.application.trade;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.trade.Offer;

import java.math.BigDecimal;

/** An offer with its agent's standing, as a user choosing an agent sees it. */
public record OfferView(Offer offer, Agent agent) {

    /**
     * @param completionRate30d the share of the agent's orders of the last 30 days that completed, of those that
     *                          ended, 0..1 with 2 decimals; null when none ended
     */
    public record Agent(PublicProfile profile, boolean online, long completedOrders30d, BigDecimal completionRate30d) {
    }
}
