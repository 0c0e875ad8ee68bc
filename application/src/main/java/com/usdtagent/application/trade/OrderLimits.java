package com.usdtagent.application.trade;

/**
 * How far a user may tie up agents' money with orders they do not pay.
 *
 * @param maxUnpaid              orders of one user waiting for payment at once
 * @param maxCancellationsPerDay cancelled or expired orders of one user in 24 hours before they must wait to
 *                               place another until 24 hours after the oldest of them
 */
public record OrderLimits(int maxUnpaid, int maxCancellationsPerDay) {

    public static final OrderLimits DEFAULTS = new OrderLimits(3, 3);
}
