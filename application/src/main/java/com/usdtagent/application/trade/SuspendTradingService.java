package com.usdtagent.application.trade;

import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferStatus;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SuspendTradingService implements SuspendTrading {

    /** More than an account has of either: offers are few, and open orders are capped per buyer. */
    private static final int MAX = 10_000;

    private final OrderSteps steps;
    private final Offers offers;
    private final Orders orders;
    private final Transactions transactions;
    private final Clock clock;

    SuspendTradingService(OrderSteps steps, Offers offers, Orders orders, Transactions transactions, Clock clock) {
        this.steps = steps;
        this.offers = offers;
        this.orders = orders;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void suspend(UserId user, String note) {
        offers.listOf(user, MAX).stream().filter(offer -> offer.status() == OfferStatus.ACTIVE)
                .forEach(offer -> pause(offer));
        for (OrderStatus open : List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID)) {
            orders.list(Optional.of(user), Optional.of(open), MAX).forEach(order -> refer(order, user, note));
        }
    }

    private void pause(Offer offer) {
        transactions.inTransaction(() -> offers.lock(offer.id()).filter(found -> found.status() == OfferStatus.ACTIVE)
                .map(found -> {
                    offers.update(found.changedBy(found.agent(), new Offer.Changes(Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.of(OfferStatus.PAUSED))));
                    return found;
                }));
    }

    private void refer(TradeOrder order, UserId user, String note) {
        Instant now = clock.instant();
        // an order that moved on meanwhile (paid, released) is left to its parties
        transactions.inTransaction(() -> orders.lock(order.id())
                        .filter(found -> found.status() == OrderStatus.PENDING_PAYMENT || found.status() == OrderStatus.PAID)
                        .map(found -> steps.store(found.status(), found.referToAdmins(user, note, now), null)))
                .ifPresent(steps::announce);
    }
}
