package com.usdtagent.loadtest;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick: netty-socketio configured as the product configures it, with no database, no validation and no
 * threads of its own. The auth token is the user's name; the payload's {@code to} names the recipient.
 *
 * <p>Bare, it relays {@code send-message} to the recipient's room as {@code new-message} and acks: one frame a
 * message. Full, it sends every frame the chat contract sends for a text, shaped and sized like the product's: the
 * message ({@code new-message}) to the recipient's room, its ticks ({@code message-status}) to the sender's, each
 * member's line of the room list ({@code reload-chat-list}) to both rooms, and the ack with the stored message.
 */
public final class RelayServer {

    private final SocketIOServer server;
    private final AtomicLong seq = new AtomicLong();

    RelayServer(int port, boolean websocketCompression, boolean full) {
        var config = new Configuration();
        config.setHostname("127.0.0.1");
        config.setPort(port);
        config.setAckMode(AckMode.MANUAL);
        config.setMaxFramePayloadLength(64 * 1024);
        config.setWebsocketCompression(websocketCompression);
        config.setHttpCompression(false);
        var socketConfig = new SocketConfig();
        socketConfig.setReuseAddress(true);
        config.setSocketConfig(socketConfig);
        server = new SocketIOServer(config);
        server.getNamespace("").addAuthTokenListener((auth, client) -> {
            client.joinRoom(room(((Map<?, ?>) auth).get("token")));
            return AuthTokenResult.AuthTokenResultSuccess;
        });
        server.addEventListener("send-message", Map.class, (client, send, ack) -> {
            if (!full) {
                server.getRoomOperations(room(send.get("to"))).sendEvent("new-message", Map.of("message", send));
                ack.sendAckData(Map.of("ok", true, "data", Map.of("message", send)));
                return;
            }
            Object sender = ((Map<?, ?>) client.getHandshakeData().getAuthToken()).get("token");
            Object to = send.get("to");
            var message = message(send, sender);
            server.getRoomOperations(room(to)).sendEvent("new-message", Map.of("message", message));
            server.getRoomOperations(room(sender)).sendEvent("message-status", Map.of("roomId", send.get("roomId"),
                    "userId", to, "status", "delivered", "upToSeq", message.get("seq"), "at", Instant.now().toString()));
            server.getRoomOperations(room(sender)).sendEvent("reload-chat-list", roomLine(message, to, 0));
            server.getRoomOperations(room(to)).sendEvent("reload-chat-list", roomLine(message, sender, 1));
            ack.sendAckData(Map.of("ok", true, "data", Map.of("message", message)));
        });
    }

    private static String room(Object user) {
        return "user:" + user;
    }

    /** A stored message as the product's {@code MessageJson} has it. */
    private Map<String, Object> message(Map<?, ?> send, Object sender) {
        var message = new HashMap<String, Object>();
        message.put("id", UUID.randomUUID().toString());
        message.put("roomId", send.get("roomId"));
        message.put("seq", seq.incrementAndGet());
        message.put("senderId", sender);
        message.put("type", "text");
        message.put("text", send.get("text"));
        message.put("clientMessageId", send.get("clientMessageId"));
        message.put("meta", null);
        message.put("createdAt", Instant.now().toString());
        message.put("status", "delivered");
        message.put("attachments", List.of());
        return message;
    }

    /** One member's line of the room list, as the product's {@code RoomJson} has it. */
    private static Map<String, Object> roomLine(Map<String, Object> message, Object opponent, long unread) {
        var contact = new HashMap<String, Object>();
        contact.put("id", opponent);
        contact.put("username", "user_" + opponent);
        contact.put("role", "agent");
        contact.put("online", true);
        contact.put("lastSeenAt", null);
        return Map.of("room", Map.of("roomId", message.get("roomId"), "opponent", contact, "lastMessage", message,
                "unreadCount", unread, "updatedAt", message.get("createdAt")));
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    /** {@code RelayServer <port> <websocketCompression> [full]}: runs until killed. */
    public static void main(String[] args) {
        new RelayServer(Integer.parseInt(args[0]), Boolean.parseBoolean(args[1]),
                args.length > 2 && args[2].equals("full")).start();
    }
}
