package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

final class RenewCallTokenService implements RenewCallToken {

    private final CallSessions sessions;
    private final VoiceTokenIssuer tokens;

    RenewCallTokenService(CallSessions sessions, VoiceTokenIssuer tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public RtcAccess renew(AuthenticatedUser participant, CallId id) {
        CallSession call = sessions.findById(id).filter(found -> found.hasParticipant(participant.id()))
                .orElseThrow(CallAccess::notFound);
        if (call.status() != CallStatus.ACCEPTED) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The call is " + call.status().wireName());
        }
        return tokens.issue(call, participant.id());
    }
}
