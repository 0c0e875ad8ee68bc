package com.usdtagent.application.trade;

/** The payment-window timer: cancels the orders not paid in time and returns their escrow. Run on every node. */
public interface ExpireOrders {

    /** @return how many orders it cancelled */
    int expire();
}
