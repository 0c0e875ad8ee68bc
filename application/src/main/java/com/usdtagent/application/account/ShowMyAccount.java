package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserAccount;

/** A signed-in user looks at their own account, phone number included. */
public interface ShowMyAccount {

    UserAccount show(AuthenticatedUser caller);
}
