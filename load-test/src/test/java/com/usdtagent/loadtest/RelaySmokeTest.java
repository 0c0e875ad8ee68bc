package com.usdtagent.loadtest;

import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The load client against the bare relay, in-process and tiny: the wire format, acks and delivery timing work. */
class RelaySmokeTest {

    @Test
    void messagesAreAckedAndDeliveredWithTheirLatencies() throws Exception {
        int port = LoadTest.freePort();
        var relay = new RelayServer(port, true);
        relay.start();
        var loop = new NioEventLoopGroup(1);
        try {
            var deliveries = new Deliveries();
            var pair = new Conversation("relay", "u0", "u0", "a0", "a0");
            pair.connect(loop, port, true, deliveries).get(10, TimeUnit.SECONDS);

            for (int i = 0; i < 20; i++) {
                var ack = pair.send(i % 2 == 0, i, System.nanoTime()).get(10, TimeUnit.SECONDS);
                assertThat(ack.json()).contains("\"ok\":true");
            }

            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> deliveries.latencies.count() == 20);
            assertThat(deliveries.latencies.percentileNanos(100)).isPositive();
            pair.close();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            relay.stop();
        }
    }
}
