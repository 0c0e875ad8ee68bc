package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

final class CancelCallService implements CancelCall {

    private final CallSteps steps;

    CancelCallService(CallSteps steps) {
        this.steps = steps;
    }

    @Override
    public CallView cancel(AuthenticatedUser caller, SocketId socket, CallId call) {
        return steps.hangUp(caller, socket, call, (ringing, now) -> ringing.cancel(caller.id(), now));
    }
}
