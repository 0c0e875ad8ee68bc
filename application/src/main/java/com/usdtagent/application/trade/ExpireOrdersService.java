package com.usdtagent.application.trade;

import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

final class ExpireOrdersService implements ExpireOrders {

    /** Orders cancelled per run; the next run, a second later, takes the rest. */
    private static final int BATCH = 100;

    private final OrderSteps steps;
    private final Orders orders;
    private final Transactions transactions;
    private final Clock clock;

    ExpireOrdersService(OrderSteps steps, Orders orders, Transactions transactions, Clock clock) {
        this.steps = steps;
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int expire() {
        Instant now = clock.instant();
        List<OrderSteps.Stepped> expired = transactions.inTransaction(() -> orders.claimExpired(now, BATCH).stream()
                .map(order -> steps.store(order.status(), order.expire(now), null))
                .toList());
        expired.forEach(steps::announce);
        return expired.size();
    }
}
