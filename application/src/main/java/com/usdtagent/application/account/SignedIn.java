package com.usdtagent.application.account;

import com.usdtagent.domain.account.PublicProfile;

/** The answer to a registration or a login: the new session's tokens and who they are for. */
public record SignedIn(SessionTokens tokens, PublicProfile user) {
}
