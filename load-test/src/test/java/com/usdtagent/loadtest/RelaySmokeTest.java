package com.usdtagent.loadtest;

import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The load client against the relays, in-process and tiny: the wire format, acks and delivery timing work. */
class RelaySmokeTest {

    private static final int MESSAGES = 20;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void messagesAreAckedAndDeliveredWithTheirLatencies(boolean full) throws Exception {
        int port = LoadTest.freePort();
        var relay = new RelayServer(port, true, full);
        relay.start();
        var loop = new NioEventLoopGroup(1);
        try {
            var deliveries = new Deliveries();
            var roomLines = new AtomicInteger();
            var ticks = new AtomicInteger();
            WireSocket.Events events = (frame, at) -> {
                deliveries.onEvent(frame, at);
                if (frame.startsWith("42[\"reload-chat-list\"")) {
                    roomLines.incrementAndGet();
                } else if (frame.startsWith("42[\"message-status\"")) {
                    ticks.incrementAndGet();
                }
            };
            var pair = new Conversation("relay", "u0", "u0", "a0", "a0");
            pair.connect(loop, port, port, true, events).get(10, TimeUnit.SECONDS);

            for (int i = 0; i < MESSAGES; i++) {
                var ack = pair.send(i % 2 == 0, i, System.nanoTime()).get(10, TimeUnit.SECONDS);
                assertThat(ack.json()).contains("\"ok\":true");
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.latencies.count() == MESSAGES);
            assertThat(deliveries.latencies.percentileNanos(100)).isPositive();
            // full: each member's room-list line and the sender's ticks, for every message
            await().atMost(Duration.ofSeconds(10)).until(() -> roomLines.get() == (full ? 2 * MESSAGES : 0)
                    && ticks.get() == (full ? MESSAGES : 0));
            pair.close();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            relay.stop();
        }
    }
}
