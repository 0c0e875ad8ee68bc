package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class AuthenticateTokenService implements AuthenticateToken {

    private final AccessTokens tokens;

    public AuthenticateTokenService(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public AuthenticatedUser authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "A bearer token is required");
        }
        return tokens.verify(token)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired"));
    }
}
