package com.usdtagent.application.account;

import com.usdtagent.domain.account.PublicProfile;

import java.util.Optional;

/** {@code GET /api/admin/users?username=}: an admin finds an account, such as the one a deposit is for. */
public interface LookUpAccount {

    /** The account with this username (in any case); refused unless {@code admin} is an admin. */
    Optional<PublicProfile> byUsername(AuthenticatedUser admin, String username);
}
