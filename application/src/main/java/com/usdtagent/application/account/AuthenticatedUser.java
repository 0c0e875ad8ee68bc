package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;

/** Who is calling, as proven by a verified access token. Adapters take the user id from here, never from a payload. */
public record AuthenticatedUser(UserId id, Role role) {
}
