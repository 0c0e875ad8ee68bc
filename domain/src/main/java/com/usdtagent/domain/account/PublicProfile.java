package com.usdtagent.domain.account;

/** A user as shown to other users: {@code { id, username, role }}. */
public record PublicProfile(UserId id, Username username, Role role) {
}
