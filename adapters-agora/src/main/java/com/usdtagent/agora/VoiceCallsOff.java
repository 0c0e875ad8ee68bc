package com.usdtagent.agora;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.call.VoiceTokenIssuer;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

/** Without an Agora app id there is nowhere to carry the audio: every call is refused, before it rings. */
final class VoiceCallsOff implements VoiceTokenIssuer {

    @Override
    public RtcAccess issue(String channelName, long uid) {
        throw new BusinessException(ErrorCode.INVALID_STATE, "Voice calls are not configured on this server");
    }
}
