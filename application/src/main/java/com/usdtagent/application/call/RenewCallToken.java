package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.call.CallId;

/** A participant of a call under way gets a fresh token before theirs expires. */
public interface RenewCallToken {

    RtcAccess renew(AuthenticatedUser participant, CallId call);
}
