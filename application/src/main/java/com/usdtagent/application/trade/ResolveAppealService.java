package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.OrderId;

final class ResolveAppealService implements ResolveAppeal {

    private final OrderSteps steps;

    ResolveAppealService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView resolve(AuthenticatedUser admin, OrderId id, AppealOutcome outcome) {
        return steps.take(admin, id, (order, now) -> order.resolve(admin.id(), admin.role(), outcome, now));
    }
}
