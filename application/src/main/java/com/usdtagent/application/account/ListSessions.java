package com.usdtagent.application.account;

import com.usdtagent.domain.account.LoginSession;

import java.util.List;

/** {@code GET /api/sessions}: the caller's sessions still active, most recently used first. */
public interface ListSessions {

    List<LoginSession> list(AuthenticatedUser caller);
}
