package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.media.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files sent in messages and named as an appeal's evidence, end to end: real server, PostgreSQL, HTTP and socket.io
 * clients; who may send a file, where it shows up, and what the collector keeps.
 */
class AttachmentMessageTest {

    private static TestNode node;
    private static String admin;
    private final RoomFiles files = new RoomFiles(node);

    @BeforeAll
    static void start() {
        node = TestNode.start();
        admin = node.adminToken();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void closeSockets() {
        files.close();
    }

    @Test
    void aMessageSendsFilesAndEveryFetchOfItCarriesWorkingLinks() {
        RoomFiles.Pair pair = files.pair();
        SocketClient userSocket = files.connect(pair.user());
        SocketClient agentSocket = files.connect(pair.agent());
        String photo = files.uploaded(pair.user(), pair.roomId(), "IMG_1.jpg", "image/jpeg", TestImages.photoFromAPhone())
                .path("id").asText();
        String receipt = files.uploaded(pair.user(), pair.roomId(), "receipt.pdf", "application/pdf", TestImages.pdf())
                .path("id").asText();

        JsonNode ack = RoomFiles.send(userSocket, pair.roomId(), "with-files", null, photo, receipt);

        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        JsonNode message = ack.path("data").path("message");
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").asText()).isEmpty();
        assertThat(message.path("attachments").findValuesAsText("id")).containsExactly(photo, receipt);
        JsonNode arrived = agentSocket.awaitEvent("new-message",
                payload -> payload.path("message").path("id").asText().equals(message.path("id").asText()));
        JsonNode history = agentSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}")
                .path("data").path("messages").path(0);
        JsonNode listed = agentSocket.call("chat-room-list", "{}").path("data").path("rooms").path(0).path("lastMessage");
        JsonNode reloaded = agentSocket.awaitEvent("reload-chat-list",
                payload -> payload.path("room").path("lastMessage").path("id").asText().equals(message.path("id").asText()));
        for (JsonNode seen : List.of(message, arrived.path("message"), history, listed,
                reloaded.path("room").path("lastMessage"))) {
            JsonNode first = seen.path("attachments").path(0);
            assertThat(first.path("id").asText()).as(seen.toString()).isEqualTo(photo);
            assertThat(first.path("kind").asText()).isEqualTo("image");
            assertThat(files.download(first.path("url").asText()).statusCode()).isEqualTo(200);
            assertThat(files.download(first.path("thumbnailUrl").asText()).statusCode()).isEqualTo(200);
            assertThat(files.download(seen.path("attachments").path(1).path("url").asText()).body()).startsWith(
                    "%PDF".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages").path(0).path("attachments")).hasSize(2);
        JsonNode plain = RoomFiles.send(userSocket, pair.roomId(), "plain", "no files").path("data").path("message");
        assertThat(plain.path("attachments").isArray()).isTrue();
        assertThat(plain.path("attachments")).isEmpty();
    }

    @Test
    void aFileIsSentOnlyByItsUploaderOnlyInItsRoomAndOnlyOnce() {
        RoomFiles.Pair pair = files.pair();
        SocketClient userSocket = files.connect(pair.user());
        SocketClient agentSocket = files.connect(pair.agent());
        var otherAgent = node.register("agent_" + UUID.randomUUID().toString().substring(0, 8), "agent");
        String otherRoom = userSocket.call("create-room", "{\"participantId\":\"" + otherAgent.id() + "\"}")
                .path("data").path("roomId").asText();
        String file = files.uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20))
                .path("id").asText();

        assertThat(RoomFiles.errorCode(RoomFiles.send(agentSocket, pair.roomId(), "theirs", "mine now?", file))).isEqualTo("FORBIDDEN");
        assertThat(RoomFiles.errorCode(RoomFiles.send(userSocket, otherRoom, "elsewhere", "look", file))).isEqualTo("FORBIDDEN");
        assertThat(RoomFiles.errorCode(RoomFiles.send(userSocket, pair.roomId(), "unknown", "look", UUID.randomUUID().toString())))
                .isEqualTo("NOT_FOUND");
        JsonNode first = RoomFiles.send(userSocket, pair.roomId(), "once", "here it is", file);
        assertThat(first.path("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(RoomFiles.errorCode(RoomFiles.send(userSocket, pair.roomId(), "twice", "again", file))).isEqualTo("INVALID_STATE");
        JsonNode repeat = RoomFiles.send(userSocket, pair.roomId(), "once", "here it is", file);
        assertThat(repeat.path("data").path("message").path("id").asText())
                .as("a resend of the same clientMessageId is the stored message")
                .isEqualTo(first.path("data").path("message").path("id").asText());
        assertThat(repeat.path("data").path("message").path("attachments").path(0).path("id").asText()).isEqualTo(file);
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages")).hasSize(1);
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + otherRoom + "\"}").path("data")
                .path("messages")).isEmpty();
    }

    @Test
    void twoSendsOfOneFileAtOnceStoreOneMessage() {
        RoomFiles.Pair pair = files.pair();
        SocketClient phone = files.connect(pair.user());
        SocketClient laptop = files.connect(pair.user());
        String file = files.uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20))
                .path("id").asText();
        String payload = "{\"roomId\":\"" + pair.roomId() + "\",\"clientMessageId\":\"%s\",\"attachmentIds\":[\""
                + file + "\"]}";

        var fromPhone = phone.callAsync("send-message", payload.formatted("phone"));
        var fromLaptop = laptop.callAsync("send-message", payload.formatted("laptop"));

        List<JsonNode> acks = List.of(fromPhone.join(), fromLaptop.join());
        assertThat(acks).filteredOn(ack -> ack.path("ok").asBoolean()).hasSize(1);
        assertThat(acks).filteredOn(ack -> RoomFiles.errorCode(ack).equals("INVALID_STATE")).hasSize(1);
        assertThat(node.number("SELECT count(*) FROM message WHERE room_id = '" + pair.roomId() + "'")).isEqualTo(1);
    }

    @Test
    void aMessageNeedsTextOrFilesAndAtMostTen() {
        RoomFiles.Pair pair = files.pair();
        SocketClient userSocket = files.connect(pair.user());
        List<String> eleven = Stream.generate(() -> UUID.randomUUID().toString()).limit(11).toList();

        JsonNode empty = RoomFiles.send(userSocket, pair.roomId(), "empty", " ");
        assertThat(RoomFiles.errorCode(empty)).isEqualTo("VALIDATION_FAILED");
        assertThat(empty.path("error").path("details").findValuesAsText("field")).containsExactly("text");
        JsonNode tooMany = RoomFiles.send(userSocket, pair.roomId(), "many", "x", eleven.toArray(String[]::new));
        assertThat(tooMany.path("error").path("details").findValuesAsText("field")).containsExactly("attachmentIds");
        JsonNode notIds = RoomFiles.send(userSocket, pair.roomId(), "bad", null, "not-a-uuid");
        assertThat(notIds.path("error").path("details").findValuesAsText("field")).containsExactly("attachmentIds[0]");
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages")).isEmpty();
    }

    @Test
    void anAppealShowsItsEvidenceToAnAdminAndKeepsItWhileUnsentUploadsAreCollected() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var agent = node.register("agent_" + suffix, "agent");
        var user = node.register("user_" + suffix, "user");
        SocketClient userSocket = files.connect(user);
        Trades.deposit(node, admin, agent, "100");
        JsonNode order = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "20");
        String orderId = order.path("id").asText();
        String roomId = order.path("roomId").asText();
        assertThat(node.post("/api/orders/" + orderId + "/paid", "{}", user.token()).status()).isEqualTo(200);
        JsonNode proof = files.uploaded(user, roomId, "transfer.png", "image/png", TestImages.screenshot(300, 600));
        JsonNode unsent = files.uploaded(user, roomId, "draft.png", "image/png", TestImages.screenshot(10, 10));
        JsonNode agentsDraft = files.uploaded(agent, roomId, "agent.png", "image/png", TestImages.screenshot(10, 10));
        JsonNode sentInChat = files.uploaded(user, roomId, "sent.png", "image/png", TestImages.screenshot(12, 12));
        assertThat(RoomFiles.send(userSocket, roomId, "sent", "a file in chat", sentInChat.path("id").asText())
                .path("ok").asBoolean()).isTrue();
        String proofId = proof.path("id").asText();
        assertThat(node.fetch("/api/attachments/" + proofId, admin).statusCode()).as("before the appeal").isEqualTo(404);

        var othersFile = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(
                agentsDraft.path("id").asText()), user.token());
        assertThat(othersFile.status()).as(othersFile.body()).isEqualTo(403);
        var unknown = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(UUID.randomUUID()),
                user.token());
        assertThat(unknown.status()).isEqualTo(404);
        var tooShort = node.post("/api/orders/" + orderId + "/appeal", "{\"reason\":\"I paid\"}", user.token());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("reason");

        var appealed = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(proofId), user.token());
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().path("appeal").path("attachments").path(0).path("id").asText()).isEqualTo(proofId);
        userSocket.awaitEvent("order-updated", payload -> payload.path("order").path("status").asText().equals("APPEAL")
                && payload.path("order").path("appeal").path("attachments").path(0).path("id").asText().equals(proofId));

        JsonNode seenByAdmin = node.get("/api/orders/" + orderId, admin).json();
        JsonNode evidence = seenByAdmin.path("appeal").path("attachments").path(0);
        assertThat(evidence.path("name").asText()).isEqualTo("transfer.png");
        var file = files.download(evidence.path("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(files.download(proof.path("url").asText()).body());
        assertThat(node.fetch("/api/attachments/" + proofId, admin).statusCode()).as("under appeal").isEqualTo(302);

        node.execute("UPDATE attachment SET created_at = now() - interval '2 hours' WHERE room_id = '" + roomId + "'");
        await().atMost(Duration.ofSeconds(20)).until(() -> files.download(unsent.path("url").asText()).statusCode() == 404);
        assertThat(node.number("SELECT count(*) FROM attachment_blob WHERE attachment_id = '"
                + unsent.path("id").asText() + "'")).isZero();
        assertThat(files.download(proof.path("url").asText()).statusCode()).as("evidence is kept").isEqualTo(200);
        assertThat(files.download(sentInChat.path("url").asText()).statusCode()).as("a sent file is kept").isEqualTo(200);
    }
}
