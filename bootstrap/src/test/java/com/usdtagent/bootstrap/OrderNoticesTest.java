package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parties of an order hear of its steps, end to end over real HTTP and Socket.IO clients:
 * {@code order-updated} is the very {@code Order} that {@code GET /api/orders/{id}} returns, and each step's system
 * message is read by the party who took it (unless that would mark unread messages read unseen) and unread for the
 * other, unless the other has the conversation open: then they read it at once.
 */
class OrderNoticesTest {

    private static TestNode node;
    private static String admin;
    private final List<SocketClient> sockets = new ArrayList<>();
    private TestNode.Account agent;
    private TestNode.Account user;
    private SocketClient agentSocket;
    private SocketClient userSocket;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        admin = node.adminToken();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void pair() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        agent = node.register("agent_" + suffix, "agent");
        user = node.register("user_" + suffix, "user");
        agentSocket = connect(agent);
        userSocket = connect(user);
        Trades.deposit(node, admin, agent, "100");
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SocketClient::close);
    }

    private SocketClient connect(TestNode.Account account) {
        var socket = SocketClient.connect(node.socketUri(), account.token());
        socket.awaitEvent("chat-room-list");
        sockets.add(socket);
        return socket;
    }

    private JsonNode step(String orderId, String step, String body, String token) {
        var response = node.post("/api/orders/" + orderId + "/" + step, body, token);
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void orderUpdatedCarriesExactlyTheOrderThatGetReturns() {
        String orderId = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "40").path("id").asText();
        assertEachPartyWasSentWhatGetReturns(orderId, "PENDING_PAYMENT");

        step(orderId, "paid", "{}", user.token());
        assertEachPartyWasSentWhatGetReturns(orderId, "PAID");

        step(orderId, "appeal", "{\"reason\":\"No money arrived\"}", agent.token());
        assertEachPartyWasSentWhatGetReturns(orderId, "APPEAL");

        var resolved = node.post("/api/admin/orders/" + orderId + "/resolve", "{\"outcome\":\"RELEASE\"}", admin);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertEachPartyWasSentWhatGetReturns(orderId, "COMPLETED");
    }

    private void assertEachPartyWasSentWhatGetReturns(String orderId, String status) {
        JsonNode fetched = node.get("/api/orders/" + orderId, user.token()).json();
        assertThat(fetched.path("status").asText()).isEqualTo(status);
        for (SocketClient socket : List.of(userSocket, agentSocket)) {
            JsonNode sent = socket.awaitEvent("order-updated", payload -> payload.path("order").path("id").asText()
                    .equals(orderId) && payload.path("order").path("status").asText().equals(status)).path("order");
            assertThat(sent).isEqualTo(fetched);
        }
    }

    @Test
    void aStepIsReadByThePartyWhoTookItUnlessTheyHaveUnreadMessages() {
        JsonNode placed = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "40");
        String orderId = placed.path("id").asText();
        String roomId = placed.path("roomId").asText();
        // seq 1, the user's placement
        assertUnread(1, 0, 1);

        step(orderId, "paid", "{}", user.token());
        assertUnread(2, 0, 2);

        var text = agentSocket.call("send-message", """
                {"roomId":"%s","clientMessageId":"%s","text":"Nothing arrived yet"}"""
                .formatted(roomId, UUID.randomUUID()));
        assertThat(text.path("data").path("message").path("seq").asLong()).isEqualTo(3);
        assertUnread(3, 1, 0);

        // the user has not read the agent's text: their own appeal must not mark it read, so it counts as unread too
        step(orderId, "appeal", "{\"reason\":\"I paid, the bank shows it\"}", user.token());
        assertUnread(4, 2, 1);

        // nobody in the room took the admin's step
        node.post("/api/admin/orders/" + orderId + "/resolve", "{\"outcome\":\"RELEASE\"}", admin);
        assertUnread(5, 3, 2);
        JsonNode rooms = userSocket.call("chat-room-list", "{}").path("data").path("rooms");
        assertThat(rooms.get(0).path("unreadCount").asLong()).isEqualTo(3);
    }

    @Test
    void aStepIsReadAtOnceByThePartyViewingTheConversation() {
        JsonNode placed = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "40");
        String orderId = placed.path("id").asText();
        String roomId = placed.path("roomId").asText();
        assertUnread(1, 0, 1);
        var opened = agentSocket.call("chat-history", "{\"roomId\":\"%s\"}".formatted(roomId));
        assertThat(opened.path("ok").asBoolean()).as(opened.toString()).isTrue();

        step(orderId, "paid", "{}", user.token());
        assertUnread(2, 0, 0);
        // the user who took the step sees the agent's blue ticks on it
        userSocket.awaitEvent("message-status", change -> change.path("roomId").asText().equals(roomId)
                && change.path("status").asText().equals("read") && change.path("upToSeq").asLong() == 2);

        // once the agent closed the conversation, the next step waits for them again
        var left = agentSocket.call("leave-room", "{\"roomId\":\"%s\"}".formatted(roomId));
        assertThat(left.path("ok").asBoolean()).as(left.toString()).isTrue();
        step(orderId, "appeal", "{\"reason\":\"I paid, the bank shows it\"}", user.token());
        assertUnread(3, 0, 1);
    }

    /** Each party's {@code reload-chat-list} for the room's message {@code seq} shows their own unread count. */
    private void assertUnread(long seq, long user, long agent) {
        assertThat(unreadCountAt(userSocket, seq)).as("the user's unread count at seq " + seq).isEqualTo(user);
        assertThat(unreadCountAt(agentSocket, seq)).as("the agent's unread count at seq " + seq).isEqualTo(agent);
    }

    private static long unreadCountAt(SocketClient socket, long seq) {
        return socket.awaitEvent("reload-chat-list", payload -> payload.path("room").path("lastMessage").path("seq")
                .asLong() == seq).path("room").path("unreadCount").asLong();
    }
}
