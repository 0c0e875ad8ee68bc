package com.usdtagent.bootstrap;

import com.usdtagent.application.push.DispatchPushes;
import com.usdtagent.application.shared.FailureLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs {@link DispatchPushes} on a thread of its own every {@code EVERY}, off the chat path, and counts what it did. */
final class PushDispatcher implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(1);
    /** Long enough for a batch caught in firebase-admin's own 503 retries to settle its rows before the pool closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    private final ScheduledExecutorService schedule =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("push-dispatch").factory());
    private final DispatchPushes dispatch;
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;
    private final Counter tokensPruned;

    private PushDispatcher(DispatchPushes dispatch, MeterRegistry meters) {
        this.dispatch = dispatch;
        this.sent = Counter.builder("push.sent").description("pushes FCM accepted").register(meters);
        this.failed = Counter.builder("push.failed").description("pushes given up: refused, expired or out of retries").register(meters);
        this.retried = Counter.builder("push.retried").description("push attempts that failed and were rescheduled").register(meters);
        this.tokensPruned = Counter.builder("push.tokens.pruned").description("device tokens FCM no longer accepts, deleted").register(meters);
    }

    static PushDispatcher start(DispatchPushes dispatch, MeterRegistry meters) {
        var dispatcher = new PushDispatcher(dispatch, meters);
        dispatcher.schedule.scheduleWithFixedDelay(dispatcher::runOnce, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return dispatcher;
    }

    private void runOnce() {
        try {
            DispatchPushes.Report report = dispatch.dispatch();
            sent.increment(report.sent());
            failed.increment(report.failed());
            retried.increment(report.retried());
            tokensPruned.increment(report.tokensPruned());
        } catch (RuntimeException failure) {
            // the rows stay in the outbox and come due again
            log.warn("push dispatch failed: {}", FailureLog.describe(failure));
        }
    }

    /** Lets the batch under way settle its rows, so that a restart finds them as they are. */
    @Override
    public void close() throws InterruptedException {
        schedule.shutdown();
        if (!schedule.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            schedule.shutdownNow();
        }
    }
}
