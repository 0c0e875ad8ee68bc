package com.usdtagent.bootstrap;

import com.usdtagent.application.push.PushNotification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every new message is queued for push to a recipient who is not looking at the room, and only then. */
class PushPortTest {

    record Push(String recipient, String sender, String text) {
    }

    private static final List<Push> PUSHED = new CopyOnWriteArrayList<>();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(notification -> {
            if (notification instanceof PushNotification.NewMessage message) {
                PUSHED.add(new Push(message.recipient().toString(), message.sender().username().value(),
                        message.message().text()));
            }
        });
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void recipientsNotViewingTheRoomArePushedAndViewersAreNot() {
        var user = node.register("push_user", "user");
        var agent = node.register("push_agent", "agent");
        try (var agentSocket = SocketClient.connect(node.socketUri(), agent.token())) {
            String roomId = agentSocket.call("create-room", "{\"participantId\":\"" + user.id() + "\"}").path("data").path("roomId").asText();

            send(agentSocket, roomId, "p-1", "while you are offline");
            await().atMost(SocketClient.WAIT).until(() -> PUSHED.contains(new Push(user.id(), agent.username(), "while you are offline")));

            try (var userSocket = SocketClient.connect(node.socketUri(), user.token())) {
                send(agentSocket, roomId, "p-2", "online but elsewhere in the app");
                await().atMost(SocketClient.WAIT).until(() -> PUSHED.stream().anyMatch(p -> p.text().equals("online but elsewhere in the app")));

                userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}");
                send(agentSocket, roomId, "p-3", "you are looking at this");
                userSocket.awaitEvent("new-message", p -> p.path("message").path("seq").asLong() == 3);
            }
            assertThat(PUSHED).noneMatch(p -> p.text().equals("you are looking at this"));
            assertThat(PUSHED).noneMatch(p -> p.recipient().equals(agent.id()));
        }
    }

    private static void send(SocketClient sender, String roomId, String clientMessageId, String text) {
        var ack = sender.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"" + clientMessageId
                + "\",\"text\":\"" + text + "\"}");
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
    }
}
