package com.usdtagent.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * Somebody who can sign in. The password is only ever held as a slow salted hash. {@code phone} is null only
 * for the admin account created from configuration.
 */
public record UserAccount(UserId id, Username username, PhoneNumber phone, String passwordHash, Role role,
                          Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** How this account appears to everybody else: no phone, no secret. */
    public PublicProfile publicProfile() {
        return new PublicProfile(id, username, role);
    }

    @Override
    public String toString() {
        return "UserAccount[" + id + ", " + username + ", " + role + "]";
    }
}
