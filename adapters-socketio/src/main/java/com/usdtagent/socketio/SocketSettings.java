package com.usdtagent.socketio;

import java.util.Optional;

/**
 * How the Socket.IO server listens.
 *
 * @param maxFrameBytes        the largest websocket frame or polling body accepted; larger ones close the connection
 * @param websocketCompression whether websocket frames may be compressed (permessage-deflate) when a client offers it
 * @param redis                empty: rooms live in this node's memory, for a single node
 */
public record SocketSettings(String host, int port, int maxFrameBytes, boolean websocketCompression,
                             Optional<RedisTarget> redis) {

    public static SocketSettings listeningOn(int port, boolean websocketCompression, Optional<RedisTarget> redis) {
        return new SocketSettings("0.0.0.0", port, 64 * 1024, websocketCompression, redis);
    }
}
