package com.usdtagent.application.ledger;

import com.usdtagent.domain.trade.Usdt;

/** A user's USDT: what they may spend, and what waits in escrow for their orders. */
public record WalletBalance(Usdt available, Usdt locked) {

    public static final WalletBalance EMPTY = new WalletBalance(Usdt.ZERO, Usdt.ZERO);
}
