package com.usdtagent.domain.wallet;

/**
 * Where a withdrawal is: waiting for an admin, waiting for the sender, sent (its transaction broadcast), and how it
 * ended. The USDT stays held from the request until {@code CONFIRMED} pays it out or {@code REJECTED} or
 * {@code FAILED} gives it back.
 */
public enum WithdrawalStatus {
    PENDING_APPROVAL, QUEUED, SENT, CONFIRMED, REJECTED, FAILED
}
