package com.usdtagent.application.account;

/**
 * {@code POST /api/auth/refresh}: a refresh token buys a new access token and the next refresh token, once. A
 * refresh token used a second time was copied: its whole session is revoked.
 */
public interface RefreshSession {

    SessionTokens refresh(String refreshToken);
}
