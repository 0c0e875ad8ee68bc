package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dispatcher does with each outcome; the queue and the sender are the real ones in the bootstrap tests. */
class DispatchPushesServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final PushMessage MESSAGE = new PushMessage("t", "b", Map.of(), null, null, null, null);

    private final List<String> settled = new ArrayList<>();
    private final List<String> pruned = new ArrayList<>();

    @Test
    void retriesWithGrowingJitteredBackoffThenGivesUpAtTheLimit() {
        var retryable = new PushOutcome(PushOutcome.Result.RETRYABLE, "UNAVAILABLE");

        var early = dispatcher(List.of(new QueuedPush(1, "a", MESSAGE, 2)), retryable).dispatch();
        var last = dispatcher(List.of(new QueuedPush(2, "b", MESSAGE, DispatchPushesService.MAX_ATTEMPTS)), retryable).dispatch();

        assertThat(early).isEqualTo(new DispatchPushes.Report(0, 0, 1, 0));
        assertThat(last).isEqualTo(new DispatchPushes.Report(0, 1, 0, 0));
        assertThat(settled).hasSize(2);
        assertThat(settled.get(0)).startsWith("1 retry at ");
        Duration delay = Duration.between(NOW, Instant.parse(settled.get(0).substring("1 retry at ".length())));
        assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(settled.get(1)).isEqualTo("2 failed UNAVAILABLE");
    }

    @Test
    void backoffDoublesFromOneSecond() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Duration ceiling = Duration.ofSeconds(1L << (attempt - 1));
            assertThat(DispatchPushesService.backoff(attempt)).isBetween(ceiling.dividedBy(2), ceiling);
        }
    }

    @Test
    void aDeadTokenIsPrunedAndItsPushFailed() {
        var report = dispatcher(List.of(new QueuedPush(3, "dead", MESSAGE, 1)),
                new PushOutcome(PushOutcome.Result.TOKEN_INVALID, "UNREGISTERED")).dispatch();

        assertThat(report).isEqualTo(new DispatchPushes.Report(0, 1, 0, 1));
        assertThat(pruned).containsExactly("dead");
        assertThat(settled).containsExactly("3 failed UNREGISTERED");
    }

    @Test
    void anExpiredPushIsNotSent() {
        var ringOver = new PushMessage(null, null, Map.of(), null, null, null, NOW.minusSeconds(1));

        var report = dispatcher(List.of(new QueuedPush(4, "a", ringOver, 1)), null).dispatch();

        assertThat(report).isEqualTo(new DispatchPushes.Report(0, 1, 0, 0));
        assertThat(settled).containsExactly("4 failed EXPIRED");
    }

    /** A queue holding {@code due} once, and a sender answering {@code outcome} to each push (null: must not be called). */
    private DispatchPushesService dispatcher(List<QueuedPush> due, PushOutcome outcome) {
        var queue = new PushQueue() {
            private boolean claimed;

            @Override
            public void enqueue(List<Addressed> pushes, Instant now) {
                throw new AssertionError("the dispatcher does not queue");
            }

            @Override
            public List<QueuedPush> claim(int limit, Instant now, Duration lease) {
                List<QueuedPush> batch = claimed ? List.of() : due;
                claimed = true;
                return batch;
            }

            @Override
            public void markSent(Collection<QueuedPush> sent) {
                sent.forEach(push -> settled.add(push.id() + " sent"));
            }

            @Override
            public void retryAt(QueuedPush push, Instant at, String reason) {
                settled.add(push.id() + " retry at " + at);
            }

            @Override
            public void markFailed(QueuedPush push, String reason) {
                settled.add(push.id() + " failed " + reason);
            }
        };
        var sender = new PushSender() {
            @Override
            public List<PushOutcome> send(List<QueuedPush> pushes) {
                assertThat(outcome).as("nothing should be sent").isNotNull();
                return pushes.stream().map(push -> outcome).toList();
            }

            @Override
            public void close() {
            }
        };
        Devices devices = new Devices() {
            @Override
            public void register(UserId user, String token, DevicePlatform platform, Instant at) {
                throw new AssertionError();
            }

            @Override
            public void forget(UserId user, String token) {
                throw new AssertionError();
            }

            @Override
            public void prune(String token) {
                pruned.add(token);
            }
        };
        return new DispatchPushesService(queue, sender, devices, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
