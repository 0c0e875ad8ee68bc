package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;

/**
 * Who is calling, as proven by a verified access token and checked against the account: the role is the
 * account's. Adapters take the user id from here, never from a payload.
 *
 * @param session the sign-in the token belongs to; null for a caller made in process (a test, an embedding program)
 */
public record AuthenticatedUser(UserId id, Role role, SessionId session) {

    /** A caller without a sign-in session, for programs and tests that call the use cases in process. */
    public AuthenticatedUser(UserId id, Role role) {
        this(id, role, null);
    }
}
