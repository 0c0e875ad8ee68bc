package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

final class EndCallService implements EndCall {

    private final CallSteps steps;

    EndCallService(CallSteps steps) {
        this.steps = steps;
    }

    @Override
    public CallView end(AuthenticatedUser participant, SocketId socket, CallId call) {
        return steps.hangUp(participant, socket, call, (talking, now) -> talking.end(participant.id(), now));
    }
}
