package com.usdtagent.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in that lasts while its refresh token keeps being used. Only a hash of the current refresh token is kept;
 * a session ends when it is revoked, or {@code timeToLive} after its last use.
 *
 * @param refreshHash the SHA-256 of the refresh token that may be used next
 * @param lastUsedAt  the sign-in or the last refresh
 * @param userAgent   what the device called itself, cut to {@link #MAX_USER_AGENT}; may be empty
 * @param revokedAt   null while the session may still be used
 */
public record LoginSession(SessionId id, UserId user, String refreshHash, Instant createdAt, Instant lastUsedAt,
                           String userAgent, Instant revokedAt) {

    public static final int MAX_USER_AGENT = 200;

    public LoginSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(refreshHash, "refreshHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
    }

    public static LoginSession open(UserId user, String refreshHash, String userAgent, Instant now) {
        return new LoginSession(SessionId.newId(), user, refreshHash, now, now, userAgent, null);
    }

    public boolean isActive(Duration timeToLive, Instant now) {
        return revokedAt == null && lastUsedAt.plus(timeToLive).isAfter(now);
    }

    /** The session with its next refresh token. */
    public LoginSession refreshed(String nextRefreshHash, Instant now) {
        return new LoginSession(id, user, nextRefreshHash, createdAt, now, userAgent, null);
    }

    public LoginSession revoked(Instant now) {
        return new LoginSession(id, user, refreshHash, createdAt, lastUsedAt, userAgent, revokedAt == null ? now : revokedAt);
    }

    @Override
    public String toString() {
        return "LoginSession[" + id + ", " + user + (revokedAt == null ? "" : ", revoked") + "]";
    }
}
