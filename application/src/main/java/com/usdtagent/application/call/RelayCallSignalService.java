package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

final class RelayCallSignalService implements RelayCallSignal {

    private final CallSessions sessions;
    private final CallSignals signals;

    RelayCallSignalService(CallSessions sessions, CallSignals signals) {
        this.sessions = sessions;
        this.signals = signals;
    }

    @Override
    public void relay(AuthenticatedUser sender, SocketId socket, CallId id, CallSignal.Content content) {
        CallSession call = sessions.findById(id).filter(found -> found.hasParticipant(sender.id()))
                .orElseThrow(CallAccess::notFound);
        if (call.status() != CallStatus.ACCEPTED) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The call is " + call.status().wireName());
        }
        // stored with the accept; only a call accepted before the server knew signalling has none
        SocketId answering = sessions.answeringSocket(id).orElseThrow(() ->
                new BusinessException(ErrorCode.INVALID_STATE, "The call has no answering device to signal to"));
        var signal = new CallSignal(id, sender.id(), content);
        if (sender.id().equals(call.caller())) {
            signals.signal(answering, signal);
        } else if (socket.equals(answering)) {
            signals.signal(call.caller(), signal);
        } else {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The call was answered on another device");
        }
    }
}
