package com.usdtagent.application.account;

import java.time.Instant;

/** A signed access token and when it stops being accepted. */
public record IssuedToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
