package com.usdtagent.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * Somebody who can sign in. The password is only ever held as a slow salted hash. {@code phone} is null only
 * for the admin account created from configuration; {@code bannedAt} is null unless an admin banned the account.
 */
public record UserAccount(UserId id, Username username, PhoneNumber phone, String passwordHash, Role role,
                          Instant createdAt, Instant bannedAt) {

    /** A new account, not banned. */
    public UserAccount(UserId id, Username username, PhoneNumber phone, String passwordHash, Role role,
                       Instant createdAt) {
        this(id, username, phone, passwordHash, role, createdAt, null);
    }

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean banned() {
        return bannedAt != null;
    }

    /** How this account appears to everybody else: no phone, no secret. */
    public PublicProfile publicProfile() {
        return new PublicProfile(id, username, role);
    }

    @Override
    public String toString() {
        return "UserAccount[" + id + ", " + username + ", " + role + (banned() ? ", banned" : "") + "]";
    }
}
