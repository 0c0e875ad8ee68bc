package com.usdtagent.application.chain;

/** One pass of the withdrawal sender: sign and broadcast what is queued, and settle what the chain confirmed. */
public interface SendWithdrawals {

    void send();
}
