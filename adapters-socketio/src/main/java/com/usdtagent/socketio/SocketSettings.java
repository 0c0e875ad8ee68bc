package com.usdtagent.socketio;

/**
 * How the Socket.IO server listens.
 *
 * @param maxFrameBytes the largest websocket frame or polling body accepted; larger ones close the connection
 */
public record SocketSettings(String host, int port, int maxFrameBytes, boolean websocketCompression) {

    public static SocketSettings defaults(int port) {
        return new SocketSettings("0.0.0.0", port, 64 * 1024, false);
    }
}
