package com.usdtagent.application.account;

import com.usdtagent.domain.account.PublicProfile;

/**
 * The contract's user as others see them, {@code { id, username, role }}, as the HTTP API and the socket protocol
 * both send it: each component is one JSON field. Never a phone number.
 */
public record UserJson(String id, String username, String role) {

    public static UserJson of(PublicProfile profile) {
        return new UserJson(profile.id().toString(), profile.username().value(), profile.role().wireName());
    }
}
