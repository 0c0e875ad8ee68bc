package com.usdtagent.socketio;

/** A token bucket: bursts up to {@code capacity} events, then {@code perSecond} sustained. */
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
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
