package com.usdtagent.application.trade;

import com.usdtagent.domain.account.UserId;

/**
 * When an account is banned: its active offers are paused, and its open orders (waiting for payment or paid) go
 * to the admins as appeals, with a system note in each order's room, for an admin to settle.
 */
public interface SuspendTrading {

    void suspend(UserId user, String note);
}
