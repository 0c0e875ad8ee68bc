package com.usdtagent.socketio;

import com.usdtagent.application.call.CallMetrics;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code calls_started_total}, {@code calls_answered_total}, {@code calls_missed_total}, and
 * {@code calls_duration_seconds} (its sum over its count is the average length of an answered call).
 */
final class MicrometerCallMetrics implements CallMetrics {

    private final Counter started;
    private final Counter answered;
    private final Counter missed;
    private final DistributionSummary duration;

    MicrometerCallMetrics(MeterRegistry meters) {
        started = Counter.builder("calls.started").description("calls that rang").register(meters);
        answered = Counter.builder("calls.answered").description("calls the callee accepted").register(meters);
        missed = Counter.builder("calls.missed").description("calls nobody answered in time").register(meters);
        duration = DistributionSummary.builder("calls.duration").baseUnit("seconds")
                .description("how long answered calls lasted").register(meters);
    }

    @Override
    public void started() {
        started.increment();
    }

    @Override
    public void answered() {
        answered.increment();
    }

    @Override
    public void finished(CallSession call) {
        if (call.status() == CallStatus.MISSED) {
            missed.increment();
        } else if (call.answeredAt() != null) {
            duration.record(call.durationSeconds());
        }
    }
}
