package com.usdtagent.application.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class ExpireCallsService implements ExpireCalls {

    /** Calls closed per run; the next run, a second later, takes the rest. */
    private static final int BATCH = 100;

    private final CallSteps steps;
    private final Duration ringTimeout;
    private final Duration disconnectGrace;

    ExpireCallsService(CallSteps steps, Duration ringTimeout, Duration disconnectGrace) {
        this.steps = steps;
        this.ringTimeout = ringTimeout;
        this.disconnectGrace = disconnectGrace;
    }

    @Override
    public void expire() {
        Instant now = steps.clock.instant();
        List<CallSteps.Finished> closed = steps.transactions.inTransaction(() -> {
            List<CallSteps.Finished> finished = new ArrayList<>();
            for (var ringing : steps.sessions.claimRingingSince(now.minus(ringTimeout), BATCH)) {
                finished.add(steps.finish(ringing.miss(now)));
            }
            for (var abandoned : steps.sessions.claimAbandoned(now.minus(disconnectGrace), BATCH)) {
                finished.add(steps.finish(abandoned.drop(now)));
            }
            return finished;
        });
        for (var finished : closed) {
            CallView call = finished.call();
            steps.afterCommit(call, () -> {
                steps.signals.finished(call.session().caller(), call);
                steps.signals.finished(call.session().callee(), call);
            });
            steps.announce(finished);
        }
    }
}
