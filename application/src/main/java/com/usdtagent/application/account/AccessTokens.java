package com.usdtagent.application.account;

import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;

import java.util.Optional;

/** Signs and checks the short-lived bearer tokens that HTTP requests and socket connections carry. */
public interface AccessTokens {

    IssuedToken issue(UserAccount account, SessionId session);

    /**
     * The user, role and session the token was signed for; empty when it is malformed, expired or not signed by this
     * server. The session and the account are not checked here (see {@link SessionKeeper}).
     */
    Optional<AuthenticatedUser> verify(String token);
}
