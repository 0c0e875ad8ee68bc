package com.usdtagent.application.trade;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.trade.TradeOrder;

/** An order with its parties as others see them. */
public record OrderView(TradeOrder order, PublicProfile buyer, PublicProfile seller) {
}
