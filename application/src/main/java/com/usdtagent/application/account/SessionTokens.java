package com.usdtagent.application.account;

/**
 * What a sign-in or a refresh hands out: a short access token, and the opaque refresh token that gets the next one.
 *
 * @param expiresIn the access token's lifetime in seconds
 */
public record SessionTokens(IssuedToken access, String refreshToken, long expiresIn) {

    @Override
    public String toString() {
        return "SessionTokens[expiresIn=" + expiresIn + "]";
    }
}
