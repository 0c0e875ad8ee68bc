package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

final class AppealOrderService implements AppealOrder {

    private final OrderSteps steps;

    AppealOrderService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView appeal(AuthenticatedUser actor, OrderId id, String reason) {
        return steps.take(actor, id, (order, now) -> order.openAppeal(actor.id(), reason, now));
    }
}
