package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

/** {@code POST /api/orders/{id}/cancel}: the buyer withdraws before paying; the escrow goes back to the seller. */
public interface CancelOrder {

    OrderView cancel(AuthenticatedUser actor, OrderId id);
}
