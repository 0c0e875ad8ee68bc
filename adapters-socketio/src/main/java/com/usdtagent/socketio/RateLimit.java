package com.usdtagent.socketio;

/**
 * A token bucket per socket: bursts up to {@code capacity} events, then {@code perSecond} sustained. Events over
 * the limit are refused with {@code RATE_LIMITED} before they reach any use case.
 */
final class RateLimit {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long refilledAt = System.nanoTime();

    RateLimit(int capacity, int perSecond) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
