package com.usdtagent.domain.trade;

/**
 * Where an order stands. {@code PENDING_PAYMENT -> PAID -> COMPLETED}, {@code PENDING_PAYMENT -> CANCELLED},
 * {@code PAID -> APPEAL -> COMPLETED | REFUNDED}; the last three never change.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, APPEAL, COMPLETED, CANCELLED, REFUNDED;

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == REFUNDED;
    }
}
