package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.OrderId;

/** {@code POST /api/admin/orders/{id}/resolve}: an admin sends the escrow to the buyer or back to the seller. */
public interface ResolveAppeal {

    OrderView resolve(AuthenticatedUser admin, OrderId id, AppealOutcome outcome);
}
