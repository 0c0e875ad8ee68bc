package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.List;

/** {@code POST /api/blocks}, {@code DELETE /api/blocks/{userId}} and {@code GET /api/blocks}. */
public interface BlockUsers {

    /** Refuses with {@code NOT_FOUND} an unknown user and with {@code VALIDATION_FAILED} the caller themself. */
    void block(AuthenticatedUser caller, UserId user);

    void unblock(AuthenticatedUser caller, UserId user);

    List<BlockedUser> list(AuthenticatedUser caller);

    record BlockedUser(UserJson user, Instant blockedAt) {
    }
}
