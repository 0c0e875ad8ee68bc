package com.usdtagent.memory;

import com.usdtagent.application.call.CallMetrics;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.memory.InMemoryAdapters.CallCounts;

import java.util.concurrent.atomic.AtomicLong;

/** The counts the Micrometer metrics of the socket adapter keep: started, answered, missed, and seconds talked. */
final class CountingCallMetrics implements CallMetrics {

    private final AtomicLong started = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong secondsTalked = new AtomicLong();

    @Override
    public void started() {
        started.incrementAndGet();
    }

    @Override
    public void answered() {
        answered.incrementAndGet();
    }

    @Override
    public void finished(CallSession call) {
        if (call.status() == CallStatus.MISSED) {
            missed.incrementAndGet();
        } else {
            secondsTalked.addAndGet(call.durationSeconds());
        }
    }

    CallCounts counts() {
        return new CallCounts(started.get(), answered.get(), missed.get(), secondsTalked.get());
    }
}
