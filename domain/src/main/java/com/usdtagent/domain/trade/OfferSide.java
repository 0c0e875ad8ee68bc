package com.usdtagent.domain.trade;

/** The agent's side of an offer: {@code SELL} = the agent sells USDT (a user buys), {@code BUY} = the agent buys. */
public enum OfferSide {
    SELL, BUY
}
