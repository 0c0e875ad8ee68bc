package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.socketio.SocketSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL ends the node's connections while sends flow, as a database restart or failover does: a send whose
 * transaction broke is written again on a fresh connection, so that every sender gets their ack and every message
 * is stored once.
 */
class LostDatabaseConnectionTest {

    private static final int SENDERS = 10;
    private static final int KILLS = 4;
    private static final Duration KILL_EVERY = Duration.ofSeconds(2);
    /** The senders are one user sending without pause, far beyond the per-user event limit this test is not about. */
    private static final LimitSettings UNLIMITED_EVENTS = new LimitSettings(
            new SocketSettings.Limits(1_000_000, 1_000_000, SENDERS), TestNode.LIMITS.signIn(), TestNode.LIMITS.orders(),
            List.of());

    @Test
    void sendsWhoseConnectionBreaksAreWrittenAgainOnceEach() throws Exception {
        try (var node = TestNode.start(UNLIMITED_EVENTS, Optional.empty())) {
            var user = node.register("lost_user", "user");
            var agent = node.register("lost_agent", "agent");
            List<SocketClient> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) { // sends of different sockets land in one group commit
                senders.add(SocketClient.connect(node.socketUri(), user.token()));
            }
            var recipient = SocketClient.connect(node.socketUri(), agent.token());
            String roomId = senders.getFirst().call("create-room", "{\"participantId\":\"" + agent.id() + "\"}")
                    .path("data").path("roomId").asText();

            // PostgreSQL ends every connection of the node a few times, far enough apart for the pool to refill
            var killed = new AtomicLong();
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    for (int kill = 0; kill < KILLS; kill++) {
                        TimeUnit.MILLISECONDS.sleep(KILL_EVERY.toMillis());
                        killed.addAndGet(node.number("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                + "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            List<JsonNode> acks = new ArrayList<>();
            try {
                for (int wave = 0; killer.isAlive(); wave++) { // waves of sends, each a group commit or two
                    List<CompletableFuture<JsonNode>> inFlight = new ArrayList<>();
                    for (int i = 0; i < senders.size(); i++) {
                        inFlight.add(senders.get(i).callAsync("send-message", """
                                {"roomId":"%s","clientMessageId":"w%d-%d","text":"wave %d"}"""
                                .formatted(roomId, wave, i, wave)));
                    }
                    inFlight.forEach(ack -> acks.add(ack.join()));
                }
            } finally {
                killer.join();
                senders.forEach(SocketClient::close);
                recipient.close();
            }

            assertThat(killed.get()).as("connections ended").isPositive();
            assertThat(acks).allSatisfy(ack -> assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue());
            assertThat(node.number("SELECT count(*) FROM message WHERE room_id = '" + roomId + "'"))
                    .as("stored once each").isEqualTo(acks.size());
            assertThat(node.number("SELECT max(seq) FROM message WHERE room_id = '" + roomId + "'"))
                    .as("gapless seq").isEqualTo(acks.size());
        }
    }
}
