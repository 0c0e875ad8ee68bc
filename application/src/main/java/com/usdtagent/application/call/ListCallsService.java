package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.call.CallSession;

import java.util.List;

final class ListCallsService implements ListCalls {

    private final CallSteps steps;
    private final CallSessions sessions;

    ListCallsService(CallSteps steps, CallSessions sessions) {
        this.steps = steps;
        this.sessions = sessions;
    }

    @Override
    public CallPage list(AuthenticatedUser participant, Query query) {
        // one more than asked tells whether older calls exist
        List<CallSession> calls = sessions.history(participant.id(), query, query.limit() + 1);
        boolean hasMore = calls.size() > query.limit();
        return new CallPage(calls.stream().limit(query.limit()).map(steps::view).toList(), hasMore);
    }
}
