package com.usdtagent.domain.shared;

import java.time.Duration;

/** A {@code RATE_LIMITED} refusal that knows when trying again can succeed, for HTTP's {@code Retry-After}. */
public final class RateLimitedException extends BusinessException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
