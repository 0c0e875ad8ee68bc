package com.usdtagent.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server acknowledged survives a restart, and a reconnecting client catches up by seq. */
class RestartTest {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void acknowledgedMessagesSurviveARestartAndAReconnectingClientCatchesUpWithAfter() {
        var user = node.register("restart_user", "user");
        var agent = node.register("restart_agent", "agent");
        long lastSeenByUser;
        String roomId;
        try (var userSocket = SocketClient.connect(node.socketUri(), user.token());
             var agentSocket = SocketClient.connect(node.socketUri(), agent.token())) {
            roomId = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}").path("data").path("roomId").asText();
            for (int i = 1; i <= 3; i++) {
                assertThat(agentSocket.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"before-" + i
                        + "\",\"text\":\"before restart " + i + "\"}").path("ok").asBoolean()).isTrue();
            }
            lastSeenByUser = userSocket.awaitEvent("new-message", p -> p.path("message").path("seq").asLong() == 3)
                    .path("message").path("seq").asLong();
            userSocket.close();
            for (int i = 4; i <= 5; i++) {
                assertThat(agentSocket.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"before-" + i
                        + "\",\"text\":\"while the user was away " + i + "\"}").path("ok").asBoolean()).isTrue();
            }
        }

        node.restart();

        try (var userSocket = SocketClient.connect(node.socketUri(), user.token())) {
            var caughtUp = userSocket.call("chat-history",
                    "{\"roomId\":\"" + roomId + "\",\"after\":" + lastSeenByUser + "}").path("data");
            assertThat(caughtUp.path("messages").findValuesAsText("text"))
                    .containsExactly("while the user was away 4", "while the user was away 5");
            var everything = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data");
            assertThat(everything.path("messages")).hasSize(5);
        }
    }
}
