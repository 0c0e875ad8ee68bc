package com.usdtagent.application.call;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;

/**
 * Issues what admits one participant to one call's audio: a channel token, or ICE servers with TURN credentials,
 * depending on the provider behind it.
 */
public interface VoiceTokenIssuer {

    /** Refuses with a {@code BusinessException} when this server cannot issue tokens (voice calls are off). */
    RtcAccess issue(CallSession call, UserId participant);
}
