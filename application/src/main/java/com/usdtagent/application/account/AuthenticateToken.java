package com.usdtagent.application.account;

/** Turns a bearer token into the user it was issued to, or refuses it with {@code UNAUTHORIZED}. */
public interface AuthenticateToken {

    AuthenticatedUser authenticate(String token);
}
