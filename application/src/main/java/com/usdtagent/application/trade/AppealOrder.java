package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

/** {@code POST /api/orders/{id}/appeal}: either party disputes a paid order; an admin then rules. */
public interface AppealOrder {

    OrderView appeal(AuthenticatedUser actor, OrderId id, String reason);
}
