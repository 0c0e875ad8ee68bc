package com.usdtagent.application.account;

import com.usdtagent.domain.account.SessionId;

/**
 * {@code POST /api/auth/logout} (the caller's own session) and {@code DELETE /api/sessions/{id}}: the session's
 * tokens are refused from then on, and its sockets are disconnected.
 */
public interface EndSession {

    /** Refuses with {@code NOT_FOUND} a session that is not one of the caller's. */
    void end(AuthenticatedUser caller, SessionId session);
}
