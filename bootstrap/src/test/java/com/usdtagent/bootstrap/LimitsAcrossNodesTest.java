package com.usdtagent.bootstrap;

import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.socketio.SocketSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The limits of one user hold over every node, as an abuser behind a load balancer would meet them: two nodes on
 * one PostgreSQL and one Redis. Skipped when no Redis listens on 127.0.0.1:6379.
 */
class LimitsAcrossNodesTest {

    private static final String REDIS_KEY_PREFIX = "usdt-agent-test-" + UUID.randomUUID() + ":";
    /** A slow refill, so that what a second node would let through is plain to see. */
    private static final LimitSettings LIMITS = new LimitSettings(new SocketSettings.Limits(2, 50, 1),
            new SignInThrottle.Limits(5, 1000, Duration.ofMinutes(15), Duration.ofMinutes(1), 1000),
            OrderLimits.DEFAULTS, List.of());
    private static TestNode nodeA;
    private static TestNode nodeB;

    @BeforeAll
    static void startTwoNodes() {
        assumeTrue(ClusterTest.redisListens(), "no Redis on 127.0.0.1:6379");
        nodeA = TestNode.start(LIMITS, Optional.of(new SocketSettings.Redis(URI.create("redis://127.0.0.1:6379"),
                REDIS_KEY_PREFIX)));
        nodeB = TestNode.startAlongside(nodeA);
    }

    @AfterAll
    static void stopNodes() {
        for (TestNode node : new TestNode[]{nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void oneBucketOfEventsServesTheUserOnEveryNode() {
        var user = nodeA.register("both_" + UUID.randomUUID().toString().substring(0, 8), "user");
        try (var onA = new RawSocketIo(nodeA.socketPort()); var onB = new RawSocketIo(nodeB.socketPort())) {
            // the cap is one socket: the second, on the other node, would push the first out, so one connects late
            onA.send("40{\"token\":\"" + user.token() + "\"}");
            assertThat(onA.next(Duration.ofSeconds(5))).startsWith("40{");
            long started = System.nanoTime();

            long acceptedOnA = accepted(onA, 50);
            onB.send("40{\"token\":\"" + user.token() + "\"}");
            assertThat(onB.next(Duration.ofSeconds(5))).startsWith("40{");
            long acceptedOnB = accepted(onB, 50);

            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(acceptedOnA).isEqualTo(50);
            assertThat(acceptedOnB).as("the bucket node A emptied, refilled at 2 a second")
                    .isLessThanOrEqualTo((long) (2 * seconds + 1));
        }
    }

    /** Sends a burst of events and counts those the limit let through. */
    private static long accepted(RawSocketIo raw, int count) {
        List<String> acks = raw.sendTypingBurst(0, count);
        assertThat(acks).hasSize(count);
        return acks.stream().filter(ack -> !ack.contains("RATE_LIMITED")).count();
    }

    @Test
    void aSocketOnAnotherNodePushesOutTheOldestOverTheCap() {
        var user = nodeA.register("capped_" + UUID.randomUUID().toString().substring(0, 8), "user");
        try (var first = SocketClient.connect(nodeA.socketUri(), user.token());
             var second = SocketClient.connect(nodeB.socketUri(), user.token())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !first.isConnected());
            assertThat(second.isConnected()).isTrue();
            assertThat(second.call("chat-room-list", "{}").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void failedLoginsOnEitherNodeCountTogether() {
        var user = nodeA.register("login_" + UUID.randomUUID().toString().substring(0, 8), "user");
        for (int i = 0; i < 5; i++) {
            TestNode node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(node.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"wrong-%d\"}"
                    .formatted(user.username(), i), null).status()).isEqualTo(401);
        }

        assertThat(nodeB.post("/api/auth/login", "{\"login\":\"%s\",\"password\":\"password-%s\"}"
                .formatted(user.username(), user.username()), null).status()).isEqualTo(429);
    }
}
