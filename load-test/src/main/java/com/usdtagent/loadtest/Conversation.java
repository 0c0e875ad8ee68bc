package com.usdtagent.loadtest;

import io.netty.channel.EventLoopGroup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A user and an agent, each with one socket, talking in their room. */
final class Conversation {

    private static final Pattern ROOM_ID = Pattern.compile("\"roomId\":\"([^\"]+)\"");

    private final String userToken;
    private final String userId;
    private final String agentToken;
    private final String agentId;
    private String roomId;
    private WireSocket user;
    private WireSocket agent;

    /** @param roomId null: opened with {@code create-room} (the product); the relay needs none */
    Conversation(String roomId, String userToken, String userId, String agentToken, String agentId) {
        this.roomId = roomId;
        this.userToken = userToken;
        this.userId = userId;
        this.agentToken = agentToken;
        this.agentId = agentId;
    }

    /** The user's socket to one port, the agent's to another (or the same). */
    CompletableFuture<Void> connect(EventLoopGroup loop, int userPort, int agentPort, boolean deflate, WireSocket.Events events) {
        var userSocket = WireSocket.connect(loop, userPort, deflate, auth(userToken), events).thenAccept(socket -> user = socket);
        var agentSocket = WireSocket.connect(loop, agentPort, deflate, auth(agentToken), events).thenAccept(socket -> agent = socket);
        return CompletableFuture.allOf(userSocket, agentSocket);
    }

    void openRoom() {
        if (roomId != null) {
            return;
        }
        var ack = user.emit("create-room", "{\"participantId\":\"" + agentId + "\"}").orTimeout(30, TimeUnit.SECONDS).join();
        var found = ROOM_ID.matcher(ack.json());
        if (!found.find()) {
            throw new IllegalStateException("create-room refused: " + ack.json());
        }
        roomId = found.group(1);
    }

    /**
     * The text is the send time, which the recipient turns into a delivery latency. The clientMessageId must never
     * repeat (the product answers a repeated one with the stored message and announces nothing): the send time
     * makes it unique across steps and server restarts on the same database.
     */
    CompletableFuture<WireSocket.Ack> send(boolean fromUser, long number, long sentAtNanos) {
        var from = fromUser ? user : agent;
        return from.emit("send-message", "{\"roomId\":\"%s\",\"clientMessageId\":\"m%d-%d\",\"text\":\"%d\",\"to\":\"%s\"}"
                .formatted(roomId, number, sentAtNanos, sentAtNanos, fromUser ? agentId : userId));
    }

    void close() {
        user.close();
        agent.close();
    }

    private static String auth(String token) {
        return "{\"token\":\"" + token + "\"}";
    }
}
