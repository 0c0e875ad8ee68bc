package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rooms with files on one test node, as the attachment tests need them: pairs, sockets, uploads, sends, downloads. */
final class RoomFiles implements AutoCloseable {

    /** A user and an agent with a room of their own. */
    record Pair(TestNode.Account user, TestNode.Account agent, String roomId) {
    }

    private final TestNode node;
    private final List<SocketClient> sockets = new ArrayList<>();

    RoomFiles(TestNode node) {
        this.node = node;
    }

    Pair pair() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var user = node.register("user_" + suffix, "user");
        var agent = node.register("agent_" + suffix, "agent");
        var ack = connect(user).call("create-room", "{\"participantId\":\"" + agent.id() + "\"}");
        return new Pair(user, agent, ack.path("data").path("roomId").asText());
    }

    SocketClient connect(TestNode.Account account) {
        var socket = SocketClient.connect(node.socketUri(), account.token());
        sockets.add(socket);
        socket.awaitEvent("chat-room-list");
        return socket;
    }

    TestNode.Response upload(TestNode.Account by, String roomId, String name, String type, byte[] bytes) {
        return node.upload("/api/rooms/" + roomId + "/attachments", by.token(), name, type, bytes);
    }

    /** The stored attachment, which must have been accepted. */
    JsonNode uploaded(TestNode.Account by, String roomId, String name, String type, byte[] bytes) {
        var response = upload(by, roomId, name, type, bytes);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("attachment");
    }

    /** A signed link followed without a token. */
    HttpResponse<byte[]> download(String link) {
        return node.fetch(link, null);
    }

    /** The ack of {@code send-message} with these files and text (left out when null). */
    static JsonNode send(SocketClient sender, String roomId, String clientMessageId, String text, String... files) {
        String ids = String.join(",", Stream.of(files).map(id -> "\"" + id + "\"").toList());
        return sender.call("send-message", "{\"roomId\":\"%s\",\"clientMessageId\":\"%s\",%s\"attachmentIds\":[%s]}"
                .formatted(roomId, clientMessageId, text == null ? "" : "\"text\":\"" + text + "\",", ids));
    }

    static String errorCode(JsonNode ack) {
        return ack.path("error").path("code").asText();
    }

    /** Whatever an upload of the user left behind: attachments and quota. */
    long storedBy(TestNode.Account user) {
        return node.number("SELECT count(*) FROM attachment WHERE uploader_id = '" + user.id() + "'")
                + node.number("SELECT count(*) FROM upload_quota WHERE user_id = '" + user.id() + "'");
    }

    @Override
    public void close() {
        sockets.forEach(SocketClient::close);
        sockets.clear();
    }
}
