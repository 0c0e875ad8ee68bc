package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.OrderId;

final class ReleaseEscrowService implements ReleaseEscrow {

    private final OrderSteps steps;

    ReleaseEscrowService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView release(AuthenticatedUser actor, OrderId id) {
        return steps.take(actor, id, (order, now) -> order.release(actor.id(), now));
    }
}
