package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class AuthenticateTokenService implements AuthenticateToken {

    private final AccessTokens tokens;
    private final SessionKeeper sessions;

    public AuthenticateTokenService(AccessTokens tokens, SessionKeeper sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public AuthenticatedUser authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "A bearer token is required");
        }
        AuthenticatedUser claimed = tokens.verify(token)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired"));
        // a signature proves who the token was issued to, not that the session and the account still stand
        return sessions.check(claimed);
    }
}
