package com.usdtagent.loadtest;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;

import java.util.Map;

/**
 * The yardstick: netty-socketio configured as the product configures it, relaying {@code send-message} to the
 * recipient's room and acking, with no database, no validation and no threads of its own. The auth token is the
 * user's name; the payload's {@code to} names the recipient.
 */
public final class RelayServer {

    private final SocketIOServer server;

    RelayServer(int port, boolean websocketCompression) {
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
            client.joinRoom("user:" + ((Map<?, ?>) auth).get("token"));
            return AuthTokenResult.AuthTokenResultSuccess;
        });
        server.addEventListener("send-message", Map.class, (client, message, ack) -> {
            server.getRoomOperations("user:" + message.get("to")).sendEvent("new-message", Map.of("message", message));
            ack.sendAckData(Map.of("ok", true, "data", Map.of("message", message)));
        });
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    /** {@code RelayServer <port> <websocketCompression>}: runs until killed. */
    public static void main(String[] args) {
        new RelayServer(Integer.parseInt(args[0]), Boolean.parseBoolean(args[1])).start();
    }
}
