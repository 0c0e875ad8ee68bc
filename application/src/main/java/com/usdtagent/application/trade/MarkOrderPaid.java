package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

/** {@code POST /api/orders/{id}/paid}: the buyer says the fiat is sent. */
public interface MarkOrderPaid {

    OrderView markPaid(AuthenticatedUser actor, OrderId id);
}
