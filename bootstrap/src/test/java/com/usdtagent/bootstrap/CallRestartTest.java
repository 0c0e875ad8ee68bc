package com.usdtagent.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Call timers live in the database: a call left ringing when the server stopped is closed once it is back. */
class CallRestartTest {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(5);
    private static TestNode node;

    @BeforeAll
    static void start() {
        // a long grace, so that only the ring timeout can close the call
        node = TestNode.start(TestNode.calls(RING_TIMEOUT, Duration.ofMinutes(5)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aCallRingingAcrossARestartIsMissedWhenTheServerIsBack() {
        var user = node.register("call_restart_user", "user");
        var agent = node.register("call_restart_agent", "agent");
        String roomId;
        String callId;
        try (var userSocket = SocketClient.connect(node.socketUri(), user.token())) {
            roomId = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}").path("data").path("roomId").asText();
            callId = userSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}").path("data").path("call").path("callId").asText();
            assertThat(callId).isNotEmpty();
        }

        node.restart();

        await().atMost(RING_TIMEOUT.plusSeconds(10)).until(() -> node.get("/api/calls", agent.token()).json()
                .path("calls").path(0).path("status").asText().equals("missed"));
        try (var agentSocket = SocketClient.connect(node.socketUri(), agent.token())) {
            var history = agentSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data").path("messages");
            assertThat(history).hasSize(1);
            assertThat(history.path(0).path("meta").path("callId").asText()).isEqualTo(callId);
            assertThat(history.path(0).path("meta").path("outcome").asText()).isEqualTo("missed");
        }
    }
}
