package com.usdtagent.application.chain;

import com.usdtagent.domain.trade.Usdt;

/** The server's own address that pays withdrawals out, and the key that signs them, which never leaves it. */
public interface HotWallet {

    /** The hot wallet's address, in the chain's canonical form. */
    String address();

    /** The nonce the next transaction of the hot wallet takes, counting those the network holds but has not mined. */
    long nextNonce();

    /** The hot wallet's USDT on the chain. */
    Usdt balance();

    /** Signs a transfer of {@code amount} USDT to {@code address} with {@code nonce}; sends nothing. */
    SignedTransfer sign(String address, Usdt amount, long nonce);
}
