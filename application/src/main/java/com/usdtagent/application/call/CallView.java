package com.usdtagent.application.call;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.call.CallSession;

/** A call with its two participants as everybody may see them: no phone number. */
public record CallView(CallSession session, PublicProfile caller, PublicProfile callee) {
}
