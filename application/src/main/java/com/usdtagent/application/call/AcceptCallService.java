package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;

final class AcceptCallService implements AcceptCall {

    private final CallSteps steps;
    private final VoiceTokenIssuer tokens;

    AcceptCallService(CallSteps steps, VoiceTokenIssuer tokens) {
        this.steps = steps;
        this.tokens = tokens;
    }

    @Override
    public JoinedCall accept(AuthenticatedUser callee, SocketId socket, CallId id) {
        JoinedCall joined = steps.transactions.inTransaction(() -> {
            CallSession call = steps.lockFor(callee.id(), id).accept(callee.id(), steps.clock.instant());
            // inside, so that a token that cannot be issued leaves the call ringing
            RtcAccess rtc = tokens.issue(call, callee.id());
            steps.sessions.update(call);
            steps.sessions.answeredOn(call.id(), socket);
            return new JoinedCall(steps.view(call), rtc);
        });
        CallView call = joined.call();
        steps.metrics.answered();
        steps.afterCommit(call, () -> {
            steps.signals.accepted(call.session().caller(), call);
            steps.signals.answeredElsewhere(callee.id(), socket, call.session().id());
        });
        return joined;
    }
}
