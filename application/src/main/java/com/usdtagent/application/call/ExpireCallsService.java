package com.usdtagent.application.call;

import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class ExpireCallsService implements ExpireCalls {

    /** Calls closed per run; the next run, a second later, takes the rest. */
    private static final int BATCH = 100;

    private final CallSteps steps;
    private final CallSessions sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration ringTimeout;
    private final Duration disconnectGrace;

    ExpireCallsService(CallSteps steps, CallSessions sessions, Transactions transactions, Clock clock,
                       Duration ringTimeout, Duration disconnectGrace) {
        this.steps = steps;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.disconnectGrace = disconnectGrace;
    }

    @Override
    public void expire() {
        Instant now = clock.instant();
        List<CallSteps.Finished> closed = transactions.inTransaction(() -> {
            List<CallSteps.Finished> finished = new ArrayList<>();
            for (var ringing : sessions.claimRingingSince(now.minus(ringTimeout), BATCH)) {
                finished.add(steps.finish(ringing.miss(now)));
            }
            for (var abandoned : sessions.claimAbandoned(now.minus(disconnectGrace), BATCH)) {
                finished.add(steps.finish(abandoned.drop(now)));
            }
            return finished;
        });
        closed.forEach(steps::closed);
    }
}
