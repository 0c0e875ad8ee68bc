package com.usdtagent.application.account;

/**
 * Turns a bearer token into the user it was issued to, with the role of the account, or refuses it with
 * {@code UNAUTHORIZED} when the token, its session or its account no longer stands.
 */
public interface AuthenticateToken {

    AuthenticatedUser authenticate(String token);
}
