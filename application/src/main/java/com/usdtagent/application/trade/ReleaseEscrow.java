package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

/** {@code POST /api/orders/{id}/release}: the seller got the fiat and hands the escrow to the buyer. */
public interface ReleaseEscrow {

    OrderView release(AuthenticatedUser actor, OrderId id);
}
