package com.usdtagent.domain.account;

import java.util.Objects;
import java.util.UUID;

/** One sign-in of one device: what its access tokens name in their {@code sid} claim. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId newId() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
