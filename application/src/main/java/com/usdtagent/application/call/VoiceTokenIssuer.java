package com.usdtagent.application.call;

/** Issues the tokens that admit one participant to one call's audio channel. */
public interface VoiceTokenIssuer {

    /** Refuses with a {@code BusinessException} when this server cannot issue tokens (voice calls are off). */
    RtcAccess issue(String channelName, long uid);
}
