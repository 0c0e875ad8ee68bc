package com.usdtagent.application.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

public final class DispatchPushesService implements DispatchPushes {

    /** FCM's sendEach takes at most 500 messages. */
    static final int BATCH_SIZE = 500;
    /** Longer than a batch can take with every HTTP timeout and firebase-admin's own retries, so leases never overlap. */
    static final Duration LEASE = Duration.ofMinutes(3);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final int MAX_ATTEMPTS = 6;

    private static final System.Logger log = System.getLogger(DispatchPushesService.class.getName());

    private final PushQueue queue;
    private final PushSender sender;
    private final Devices devices;
    private final Clock clock;

    public DispatchPushesService(PushQueue queue, PushSender sender, Devices devices, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public Report dispatch() {
        var total = new Report(0, 0, 0, 0);
        List<QueuedPush> claimed;
        do {
            claimed = queue.claim(BATCH_SIZE, clock.instant(), LEASE);
            if (!claimed.isEmpty()) {
                total = add(total, sendBatch(claimed));
            }
        } while (claimed.size() == BATCH_SIZE);
        return total;
    }

    private Report sendBatch(List<QueuedPush> claimed) {
        Instant now = clock.instant();
        int failed = 0;
        List<QueuedPush> live = new ArrayList<>();
        for (QueuedPush push : claimed) {
            if (push.message().hasExpired(now)) {
                queue.markFailed(push, "EXPIRED");
                failed++;
            } else {
                live.add(push);
            }
        }
        if (live.isEmpty()) {
            return new Report(0, failed, 0, 0);
        }
        List<PushOutcome> outcomes = sender.send(live);
        List<QueuedPush> sent = new ArrayList<>();
        int retried = 0;
        int pruned = 0;
        for (int i = 0; i < live.size(); i++) {
            QueuedPush push = live.get(i);
            PushOutcome outcome = outcomes.get(i);
            switch (outcome.result()) {
                case SENT -> sent.add(push);
                case TOKEN_INVALID -> {
                    devices.prune(push.deviceToken());
                    queue.markFailed(push, outcome.reason());
                    pruned++;
                    failed++;
                }
                case RETRYABLE -> {
                    if (push.attempt() >= MAX_ATTEMPTS) {
                        queue.markFailed(push, outcome.reason());
                        failed++;
                    } else {
                        queue.retryAt(push, clock.instant().plus(backoff(push.attempt())), outcome.reason());
                        retried++;
                    }
                }
                case FAILED -> {
                    queue.markFailed(push, outcome.reason());
                    failed++;
                }
            }
            if (outcome.result() != PushOutcome.Result.SENT) {
                log.log(System.Logger.Level.DEBUG, "push {0}: {1} {2}", push, outcome.result(), outcome.reason());
            }
        }
        queue.markSent(sent); // one statement for the batch: a delete per push held the dispatcher to about 500 a second
        return new Report(sent.size(), failed, retried, pruned);
    }

    /** 1 s, 2 s, 4 s... after the first, second, third attempt, each drawn from its upper half so that retries spread. */
    static Duration backoff(int attempt) {
        long ceiling = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static Report add(Report a, Report b) {
        return new Report(a.sent() + b.sent(), a.failed() + b.failed(), a.retried() + b.retried(),
                a.tokensPruned() + b.tokensPruned());
    }
}
