package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserAccount;

import java.util.Optional;

/** Signs and checks the bearer tokens that HTTP requests and socket connections carry. */
public interface AccessTokens {

    IssuedToken issue(UserAccount account);

    /** Empty when the token is malformed, expired or not signed by this server. */
    Optional<AuthenticatedUser> verify(String token);
}
