package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

final class RejectCallService implements RejectCall {

    private final CallSteps steps;

    RejectCallService(CallSteps steps) {
        this.steps = steps;
    }

    @Override
    public CallView reject(AuthenticatedUser callee, SocketId socket, CallId call) {
        return steps.hangUp(callee, socket, call, (ringing, now) -> ringing.reject(callee.id(), now));
    }
}
