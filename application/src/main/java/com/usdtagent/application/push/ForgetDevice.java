package com.usdtagent.application.push;

import com.usdtagent.application.account.AuthenticatedUser;

/** An app signing out stops its pushes; forgetting a token the caller does not have changes nothing. */
public interface ForgetDevice {

    void forget(AuthenticatedUser caller, String token);
}
