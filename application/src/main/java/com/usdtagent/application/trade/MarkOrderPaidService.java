package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

final class MarkOrderPaidService implements MarkOrderPaid {

    private final OrderSteps steps;

    MarkOrderPaidService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView markPaid(AuthenticatedUser actor, OrderId id) {
        return steps.take(actor, id, (order, now) -> order.markPaid(actor.id(), now));
    }
}
