package com.usdtagent.application.account;

import com.usdtagent.domain.account.PublicProfile;

/** The answer to a registration or a login: a token and who it is for. */
public record SignedIn(IssuedToken token, PublicProfile user) {
}
