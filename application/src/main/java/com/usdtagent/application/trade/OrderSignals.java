package com.usdtagent.application.trade;

import com.usdtagent.domain.account.UserId;

/** Nudges live sockets about an order; sent after the commit of the step. */
public interface OrderSignals {

    /** {@code order-updated} to every device of {@code to}. */
    void orderUpdated(UserId to, OrderView order);
}
