package com.usdtagent.application.push;

/** What became of one push. {@code reason} names the push service's error, never a token. */
public record PushOutcome(Result result, String reason) {

    public enum Result {
        SENT,
        /** The device token is dead (the app was uninstalled, or the token was never valid): forget it. */
        TOKEN_INVALID,
        /** The push service is busy, down or out of reach: try again later. */
        RETRYABLE,
        /** The push service refused this push for good. */
        FAILED
    }

    public static final PushOutcome SENT = new PushOutcome(Result.SENT, null);
}
