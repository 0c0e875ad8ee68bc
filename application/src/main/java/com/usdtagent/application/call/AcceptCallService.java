package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;

import java.time.Clock;

final class AcceptCallService implements AcceptCall {

    private final CallSteps steps;
    private final CallSessions sessions;
    private final VoiceTokenIssuer tokens;
    private final Transactions transactions;
    private final Clock clock;

    AcceptCallService(CallSteps steps, CallSessions sessions, VoiceTokenIssuer tokens, Transactions transactions,
                      Clock clock) {
        this.steps = steps;
        this.sessions = sessions;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public JoinedCall accept(AuthenticatedUser callee, SocketId socket, CallId id) {
        JoinedCall joined = transactions.inTransaction(() -> {
            CallSession call = steps.lockFor(callee.id(), id).accept(callee.id(), clock.instant());
            // inside, so that a token that cannot be issued leaves the call ringing
            RtcAccess rtc = tokens.issue(call, callee.id());
            sessions.update(call);
            sessions.answeredOn(call.id(), socket);
            return new JoinedCall(steps.view(call), rtc);
        });
        steps.answered(joined.call(), socket);
        return joined;
    }
}
