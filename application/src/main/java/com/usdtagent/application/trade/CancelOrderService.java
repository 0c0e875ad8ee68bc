package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

final class CancelOrderService implements CancelOrder {

    private final OrderSteps steps;

    CancelOrderService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView cancel(AuthenticatedUser actor, OrderId id) {
        return steps.take(actor, id, (order, now) -> order.cancel(actor.id(), now));
    }
}
