package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The chat half of the socket protocol, end to end: real server, real PostgreSQL, real socket.io clients. */
class ChatTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestNode node;
    private final List<SocketClient> clients = new ArrayList<>();
    private final List<TestNode.Account> accounts = new ArrayList<>();

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void noPayloadCarriesAPhoneNumber() {
        for (SocketClient client : clients) {
            for (var received : client.received()) {
                String text = String.valueOf(received.payload());
                assertThat(text).as("%s payload", received.event()).doesNotContain("\"phone\"");
                for (var account : accounts) {
                    assertThat(text).as("%s payload", received.event()).doesNotContain(account.phone().substring(1));
                }
            }
            client.close();
        }
    }

    private TestNode.Account account(String role) {
        var account = node.register(role + "_" + NAMES.incrementAndGet(), role);
        accounts.add(account);
        return account;
    }

    private SocketClient connect(TestNode.Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    private static String createRoom(SocketClient opener, TestNode.Account other) {
        var ack = opener.call("create-room", "{\"participantId\":\"" + other.id() + "\"}");
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data").path("roomId").asText();
    }

    private static String message(String roomId, String clientMessageId, String text) {
        return """
                {"roomId":"%s","clientMessageId":"%s","text":"%s"}""".formatted(roomId, clientMessageId, text);
    }

    private static JsonNode send(SocketClient sender, String roomId, String clientMessageId, String text) {
        var ack = sender.call("send-message", message(roomId, clientMessageId, text));
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data").path("message");
    }

    private static String errorCode(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).isFalse();
        return ack.path("error").path("code").asText();
    }

    @Test
    void createRoomReturnsThePairsOneRoomAndTellsBothMembersWhenNew() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);

        var first = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}");
        assertThat(first.path("data").path("created").asBoolean()).isTrue();
        String roomId = first.path("data").path("roomId").asText();
        var oneRoom = userSocket.awaitEvent("get-one-room").path("room");
        assertThat(oneRoom.path("roomId").asText()).isEqualTo(roomId);
        assertThat(oneRoom.path("opponent").path("username").asText()).isEqualTo(agent.username());
        assertThat(oneRoom.path("opponent").path("role").asText()).isEqualTo("agent");
        assertThat(oneRoom.path("opponent").path("online").asBoolean()).isTrue();
        assertThat(oneRoom.path("lastMessage").isNull()).isTrue();
        agentSocket.awaitEvent("reload-chat-list", p -> p.path("room").path("roomId").asText().equals(roomId));
        userSocket.awaitEvent("reload-chat-list", p -> p.path("room").path("roomId").asText().equals(roomId));

        var again = agentSocket.call("create-room", "{\"participantId\":\"" + user.id() + "\"}");
        assertThat(again.path("data").path("roomId").asText()).isEqualTo(roomId);
        assertThat(again.path("data").path("created").asBoolean()).isFalse();
    }

    @Test
    void createRoomRefusesPairsTheMarketplaceDoesNotAllow() {
        var user = account("user");
        var otherUser = account("user");
        var userSocket = connect(user);

        assertThat(errorCode(userSocket.call("create-room", "{\"participantId\":\"" + otherUser.id() + "\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(userSocket.call("create-room", "{\"participantId\":\"" + user.id() + "\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(userSocket.call("create-room", "{\"participantId\":\"" + java.util.UUID.randomUUID() + "\"}"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(userSocket.call("create-room", "{\"participantId\":\"not-a-uuid\"}"))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aMessageIsStoredThenReachesEveryDeviceOfTheRecipientWithTicksBackToTheSender() {
        var user = account("user");
        var agent = account("agent");
        var userPhone = connect(user);
        var userLaptop = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userPhone, agent);

        var message = send(agentSocket, roomId, "m-1", "Hello, how much USDT?");
        assertThat(message.path("seq").asLong()).isEqualTo(1);
        assertThat(message.path("senderId").asText()).isEqualTo(agent.id());
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("status").asText()).isEqualTo("delivered");

        for (var device : List.of(userPhone, userLaptop)) {
            var received = device.awaitEvent("new-message").path("message");
            assertThat(received.path("id").asText()).isEqualTo(message.path("id").asText());
            assertThat(received.path("text").asText()).isEqualTo("Hello, how much USDT?");
            var listed = device.awaitEvent("reload-chat-list", p -> p.path("room").path("unreadCount").asLong() == 1).path("room");
            assertThat(listed.path("lastMessage").path("seq").asLong()).isEqualTo(1);
            // the line a send pushes is built from what the send knew: it must be the line the list reads back
            assertThat(listed).isEqualTo(device.call("chat-room-list", "{}").path("data").path("rooms").get(0));
        }
        var agentsLine = agentSocket.awaitEvent("reload-chat-list",
                p -> p.path("room").path("lastMessage").path("seq").asLong() == 1 && p.path("room").path("unreadCount").asLong() == 0);
        assertThat(agentsLine.path("room")).isEqualTo(agentSocket.call("chat-room-list", "{}").path("data").path("rooms").get(0));
        var tick = agentSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("delivered"));
        assertThat(tick.path("roomId").asText()).isEqualTo(roomId);
        assertThat(tick.path("userId").asText()).isEqualTo(user.id());
        assertThat(tick.path("upToSeq").asLong()).isEqualTo(1);
        assertThat(agentSocket.events("new-message")).as("the sender gets an ack, not an echo").isEmpty();
    }

    @Test
    void aRecipientViewingTheRoomReadsAtOnceAndLeavingStopsThat() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userSocket, agent);
        userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}");

        assertThat(send(agentSocket, roomId, "v-1", "you are looking").path("status").asText()).isEqualTo("read");
        agentSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("read") && p.path("upToSeq").asLong() == 1);

        assertThat(userSocket.call("leave-room", "{\"roomId\":\"" + roomId + "\"}").path("data").path("roomId").asText()).isEqualTo(roomId);
        assertThat(send(agentSocket, roomId, "v-2", "now you are not").path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void anOfflineRecipientGetsTheMessageDeliveredOnConnectAndReadOnOpening() {
        var user = account("user");
        var agent = account("agent");
        var agentSocket = connect(agent);
        String roomId = createRoom(agentSocket, user);
        assertThat(send(agentSocket, roomId, "o-1", "are you there?").path("status").asText()).isEqualTo("sent");
        send(agentSocket, roomId, "o-2", "hello?");

        var userSocket = SocketClient.connect(node.socketUri(), user.token());
        clients.add(userSocket);
        var room = userSocket.awaitEvent("chat-room-list").path("rooms").get(0);
        assertThat(room.path("roomId").asText()).isEqualTo(roomId);
        assertThat(room.path("unreadCount").asLong()).isEqualTo(2);
        assertThat(room.path("lastMessage").path("status").asText()).isEqualTo("delivered");
        agentSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("delivered") && p.path("upToSeq").asLong() == 2);
        agentSocket.awaitEvent("presence", p -> p.path("userId").asText().equals(user.id()) && p.path("online").asBoolean());

        var history = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data");
        assertThat(history.path("messages").findValuesAsText("text")).containsExactly("are you there?", "hello?");
        agentSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("read") && p.path("upToSeq").asLong() == 2);
        assertThat(userSocket.call("chat-room-list", "{}").path("data").path("rooms").get(0).path("unreadCount").asLong()).isZero();
    }

    @Test
    void historyPagesBackwardsAndCatchesUpForwardsBySeq() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        String roomId = createRoom(userSocket, agent);
        IntStream.rangeClosed(1, 45).forEach(i -> send(userSocket, roomId, "h-" + i, "message " + i));

        var newest = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data");
        assertThat(seqs(newest)).containsExactlyElementsOf(IntStream.rangeClosed(16, 45).boxed().toList());
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        var older = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\",\"before\":16}").path("data");
        assertThat(seqs(older)).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(older.path("hasMore").asBoolean()).isFalse();
        var since = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\",\"after\":40,\"limit\":3}").path("data");
        assertThat(seqs(since)).containsExactly(41, 42, 43);
        assertThat(since.path("hasMore").asBoolean()).isTrue();
        var reload = userSocket.call("chatHistoryReload", "{\"roomId\":\"" + roomId + "\"}").path("data");
        assertThat(seqs(reload)).hasSize(30).endsWith(45);
        assertThat(userSocket.events("chat-history")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void receiptsMovePointersOnlyForward() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userSocket, agent);
        IntStream.rangeClosed(1, 6).forEach(i -> send(agentSocket, roomId, "r-" + i, "line " + i));

        var ack = userSocket.call("lastMessageResponse", "{\"roomId\":\"" + roomId + "\",\"seq\":5,\"status\":\"read\"}");
        assertThat(ack.path("data").path("seq").asLong()).isEqualTo(5);
        assertThat(ack.path("data").path("status").asText()).isEqualTo("read");
        agentSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("read") && p.path("upToSeq").asLong() == 5);
        userSocket.call("lastMessageResponse", "{\"roomId\":\"" + roomId + "\",\"seq\":2,\"status\":\"read\"}");
        userSocket.call("lastMessageResponse", "{\"roomId\":\"" + roomId + "\",\"seq\":3,\"status\":\"delivered\"}");

        var rooms = userSocket.call("chat-room-list", "{}").path("data").path("rooms");
        assertThat(rooms.get(0).path("unreadCount").asLong()).as("read up to 5 of 6 stays").isEqualTo(1);
        assertThat(agentSocket.events("message-status").stream().filter(p -> p.path("status").asText().equals("read"))
                .mapToLong(p -> p.path("upToSeq").asLong()).max().orElseThrow()).isEqualTo(5);
        assertThat(errorCode(userSocket.call("lastMessageResponse",
                "{\"roomId\":\"" + roomId + "\",\"seq\":-1,\"status\":\"read\"}"))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(userSocket.call("lastMessageResponse",
                "{\"roomId\":\"" + roomId + "\",\"seq\":1,\"status\":\"seen\"}"))).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void resendingAClientMessageIdReturnsTheStoredMessageAndAnnouncesNothing() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userSocket, agent);

        var first = send(userSocket, roomId, "same-id", "pay 100 USDT");
        agentSocket.awaitEvent("new-message");
        var repeat = send(userSocket, roomId, "same-id", "pay 100 USDT");

        assertThat(repeat.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(repeat.path("seq").asLong()).isEqualTo(1);
        var history = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data");
        assertThat(history.path("messages")).hasSize(1);
        assertThat(agentSocket.events("new-message")).hasSize(1);
    }

    @Test
    void bothMembersSendingAtOnceGetGaplessSeqs() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userSocket, agent);

        var sends = new ArrayList<CompletableFuture<JsonNode>>();
        for (int i = 0; i < 30; i++) {
            sends.add(userSocket.callAsync("send-message", message(roomId, "u-" + i, "from user " + i)));
            sends.add(agentSocket.callAsync("send-message", message(roomId, "a-" + i, "from agent " + i)));
        }
        var acked = sends.stream().map(CompletableFuture::join)
                .map(ack -> ack.path("data").path("message").path("seq").asInt()).sorted().toList();

        assertThat(acked).containsExactlyElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
        var history = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\",\"limit\":100}").path("data");
        assertThat(seqs(history)).containsExactlyElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
    }

    @Test
    void sendsThatArriveTogetherAreEachStoredOnceWithTheirOwnAnswers() {
        // sends in flight at once are written in shared batches: a resend, a refusal and other rooms in the same
        // batch must each still get their own answer
        var user = account("user");
        var userPhone = connect(user);
        var userLaptop = connect(user);
        var stranger = connect(account("user"));
        List<TestNode.Account> agents = List.of(account("agent"), account("agent"), account("agent"));
        List<SocketClient> agentSockets = agents.stream().map(this::connect).toList();
        List<String> rooms = agents.stream().map(agent -> createRoom(userPhone, agent)).toList();

        var sends = new ArrayList<CompletableFuture<JsonNode>>();
        var resends = new ArrayList<CompletableFuture<JsonNode>>();
        var refused = new ArrayList<CompletableFuture<JsonNode>>();
        // 3 create-room and 2 x 21 sends: within the burst of 50 events one user may send over all their sockets
        int perRoom = 7;
        for (int i = 0; i < perRoom; i++) {
            for (String room : rooms) {
                String id = room + "-" + i;
                sends.add(userPhone.callAsync("send-message", message(room, id, "hello " + i)));
                resends.add(userLaptop.callAsync("send-message", message(room, id, "hello " + i)));
                refused.add(stranger.callAsync("send-message", message(room, "intruder-" + i, "let me in")));
            }
        }

        for (int n = 0; n < sends.size(); n++) {
            var sent = sends.get(n).join().path("data").path("message");
            var resent = resends.get(n).join().path("data").path("message");
            assertThat(resent.path("id").asText()).isEqualTo(sent.path("id").asText());
            assertThat(resent.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
            assertThat(errorCode(refused.get(n).join())).isEqualTo("FORBIDDEN");
        }
        for (int r = 0; r < rooms.size(); r++) {
            var history = userPhone.call("chat-history", "{\"roomId\":\"" + rooms.get(r) + "\",\"limit\":100}").path("data");
            assertThat(seqs(history)).containsExactlyElementsOf(IntStream.rangeClosed(1, perRoom).boxed().toList());
            var agentSocket = agentSockets.get(r);
            agentSocket.awaitEvent("new-message", p -> p.path("message").path("seq").asLong() == perRoom);
            assertThat(agentSocket.events("new-message")).as("each message announced once").hasSize(perRoom);
        }
    }

    @Test
    void nonMembersAreForbiddenAndUnknownRoomsNotFound() {
        var user = account("user");
        var agent = account("agent");
        var stranger = account("agent");
        var userSocket = connect(user);
        var strangerSocket = connect(stranger);
        String roomId = createRoom(userSocket, agent);
        String unknown = java.util.UUID.randomUUID().toString();

        assertThat(errorCode(strangerSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(strangerSocket.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"x\",\"text\":\"hi\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(strangerSocket.call("lastMessageResponse", "{\"roomId\":\"" + roomId + "\",\"seq\":1,\"status\":\"read\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(strangerSocket.call("typing", "{\"roomId\":\"" + roomId + "\",\"typing\":true}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(userSocket.call("chat-history", "{\"roomId\":\"" + unknown + "\"}"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(userSocket.call("send-message", "{\"roomId\":\"" + unknown + "\",\"clientMessageId\":\"x\",\"text\":\"hi\"}"))).isEqualTo("NOT_FOUND");
        strangerSocket.awaitEvent("error", p -> p.path("code").asText().equals("FORBIDDEN"));
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data").path("messages")).isEmpty();
    }

    @Test
    void badMessagesAreRefusedWithEveryFieldAndNothingIsStored() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        String roomId = createRoom(userSocket, agent);

        var bad = userSocket.call("send-message", "{\"roomId\":\"nope\",\"clientMessageId\":\"\",\"text\":\"   \"}");
        assertThat(errorCode(bad)).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.path("error").path("details").findValuesAsText("field")).contains("roomId", "clientMessageId", "text");
        assertThat(errorCode(userSocket.call("send-message", "{\"roomId\":\"" + roomId
                + "\",\"clientMessageId\":\"c\",\"text\":\"" + "x".repeat(4001) + "\"}"))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(userSocket.call("send-message", "{\"roomId\":\"" + roomId
                + "\",\"clientMessageId\":\"c\",\"text\":42}"))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\",\"before\":-3}"))).isEqualTo("VALIDATION_FAILED");
        assertThat(errorCode(userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\",\"after\":1e30}"))).isEqualTo("VALIDATION_FAILED");

        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data").path("messages")).isEmpty();
        assertThat(send(userSocket, roomId, "c", "still works").path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void aFrameOver64KibIsRefusedAndStoresNothing() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        String roomId = createRoom(userSocket, agent);

        userSocket.emit("send-message", message(roomId, "huge", "x".repeat(70 * 1024)));

        await().atMost(SocketClient.WAIT).until(() -> !userSocket.isConnected());
        var again = connect(user);
        assertThat(again.call("chat-history", "{\"roomId\":\"" + roomId + "\"}").path("data").path("messages")).isEmpty();
    }

    @Test
    void typingReachesTheOtherMemberOnly() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(userSocket, agent);

        userSocket.call("typing", "{\"roomId\":\"" + roomId + "\",\"typing\":true}");

        var typing = agentSocket.awaitEvent("typing");
        assertThat(typing.path("userId").asText()).isEqualTo(user.id());
        assertThat(typing.path("typing").asBoolean()).isTrue();
        assertThat(userSocket.events("typing")).isEmpty();
    }

    @Test
    void aUserGoesOfflineOnlyWhenTheLastSocketCloses() {
        var user = account("user");
        var agent = account("agent");
        var phone = connect(user);
        var laptop = connect(user);
        var agentSocket = connect(agent);
        createRoom(agentSocket, user);

        phone.close();
        laptop.call("chat-room-list", "{}");
        var opponent = agentSocket.call("chat-room-list", "{}").path("data").path("rooms").get(0).path("opponent");
        assertThat(opponent.path("online").asBoolean()).isTrue();

        laptop.close();
        var offline = agentSocket.awaitEvent("presence", p -> p.path("userId").asText().equals(user.id()) && !p.path("online").asBoolean());
        assertThat(offline.path("lastSeenAt").asText()).isNotBlank();
        var after = agentSocket.call("chat-room-list", "{}").path("data").path("rooms").get(0).path("opponent");
        assertThat(after.path("online").asBoolean()).isFalse();
        assertThat(after.path("lastSeenAt").asText()).isEqualTo(offline.path("lastSeenAt").asText());
    }

    @Test
    void readingOnOneDeviceClearsTheUnreadCountTheOtherSeesNext() {
        var user = account("user");
        var agent = account("agent");
        var phone = connect(user);
        var laptop = connect(user);
        var agentSocket = connect(agent);
        String roomId = createRoom(agentSocket, user);
        send(agentSocket, roomId, "d-1", "one");
        send(agentSocket, roomId, "d-2", "two");
        assertThat(laptop.call("chat-room-list", "{}").path("data").path("rooms").get(0).path("unreadCount").asLong()).isEqualTo(2);

        phone.call("chat-history", "{\"roomId\":\"" + roomId + "\"}");

        assertThat(laptop.call("chat-room-list", "{}").path("data").path("rooms").get(0).path("unreadCount").asLong()).isZero();
    }

    @Test
    void roomListSearchesOpponentsAndPagesWithoutLossOrRepeat() {
        var agent = account("agent");
        var agentSocket = connect(agent);
        List<String> roomIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var user = node.register((i % 3 == 0 ? "Findme_" : "other_") + NAMES.incrementAndGet(), "user");
            accounts.add(user);
            roomIds.add(createRoom(agentSocket, user));
        }
        send(agentSocket, roomIds.get(0), "s-1", "bump the first room to the top");

        var page1 = agentSocket.call("chat-room-list", "{\"limit\":5}").path("data");
        var page2 = agentSocket.call("chatRoomList", "{\"limit\":5,\"page\":2}").path("data");
        var page3 = agentSocket.call("chat-room-list", "{\"limit\":5,\"page\":3}").path("data");
        assertThat(page1.path("total").asLong()).isEqualTo(12);
        assertThat(page1.path("hasMore").asBoolean()).isTrue();
        assertThat(page3.path("hasMore").asBoolean()).isFalse();
        List<String> listed = new ArrayList<>();
        for (var page : List.of(page1, page2, page3)) {
            page.path("rooms").forEach(room -> listed.add(room.path("roomId").asText()));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(roomIds);
        assertThat(listed.get(0)).isEqualTo(roomIds.get(0));

        var found = agentSocket.call("chat-room-list", "{\"search\":\"FINDME\"}").path("data");
        assertThat(found.path("total").asLong()).isEqualTo(4);
        assertThat(found.path("rooms").findValuesAsText("username")).allSatisfy(name -> assertThat(name).startsWith("Findme_"));
    }

    @Test
    void aSocketThatFloodsIsRateLimitedAndNothingRefusedIsStored() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        String roomId = createRoom(userSocket, agent);

        var acks = IntStream.range(0, 150).mapToObj(i -> userSocket.callAsync("send-message",
                message(roomId, "f-" + i, "flood " + i))).toList().stream().map(CompletableFuture::join).toList();

        long stored = acks.stream().filter(ack -> ack.path("ok").asBoolean()).count();
        assertThat(acks.stream().filter(ack -> !ack.path("ok").asBoolean()).map(ChatTest::errorCode)).isNotEmpty()
                .containsOnly("RATE_LIMITED");
        await().atMost(SocketClient.WAIT).untilAsserted(() -> assertThat(userSocket.call("chat-history",
                "{\"roomId\":\"" + roomId + "\",\"limit\":100}").path("data").path("messages").size()).isEqualTo((int) Math.min(stored, 100)));
    }

    private static List<Integer> seqs(JsonNode history) {
        List<Integer> seqs = new ArrayList<>();
        history.path("messages").forEach(message -> seqs.add(message.path("seq").asInt()));
        return seqs;
    }
}
