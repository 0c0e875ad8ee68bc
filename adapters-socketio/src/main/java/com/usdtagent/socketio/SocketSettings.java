package com.usdtagent.socketio;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How the Socket.IO server listens.
 *
 * @param maxFrameBytes        the largest websocket frame or polling body accepted; larger ones close the connection
 * @param websocketCompression whether websocket frames may be compressed (permessage-deflate) when a client offers it
 * @param redis                empty: rooms live in this node's memory, for a single node; present: the rooms, and
 *                             the limits of each user, are shared by every node
 * @param allowedOrigins       web pages, besides those of the host a request is addressed to, that may connect
 */
public record SocketSettings(String host, int port, int maxFrameBytes, boolean websocketCompression,
                             Optional<Redis> redis, List<String> allowedOrigins, Limits limits) {

    public SocketSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static SocketSettings listeningOn(int port, boolean websocketCompression, Optional<Redis> redis,
                                             List<String> allowedOrigins, Limits limits) {
        return new SocketSettings("0.0.0.0", port, 64 * 1024, websocketCompression, redis, allowedOrigins, limits);
    }
    /**
     * What one user may do over all their sockets together.
     *
     * @param eventsPerSecond events refilled into the user's bucket each second
     * @param eventsBurst     the bucket's size: events the user may send at once
     * @param socketsPerUser  sockets the user may hold at once; one more disconnects the oldest
     */
    public record Limits(int eventsPerSecond, int eventsBurst, int socketsPerUser) {

        public static final Limits DEFAULTS = new Limits(20, 50, 10);
    }

    /**
     * The Redis that carries room emits between the nodes of a cluster.
     *
     * @param url       {@code redis://[:password@]host[:port][/database]}, or {@code rediss://} for TLS
     * @param keyPrefix put before every channel and key name, so that several deployments (or test runs) can share
     *                  one Redis: its publish/subscribe channels are global, whatever the database number
     */
    public record Redis(URI url, String keyPrefix) {

        /** The address without password and database, as Redisson wants it. */
        String address() {
            return url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() == -1 ? 6379 : url.getPort());
        }

        int database() {
            String path = url.getPath() == null ? "" : url.getPath().replace("/", "");
            return path.isEmpty() ? 0 : Integer.parseInt(path);
        }

        /** The password of {@code redis://:password@host} or {@code redis://user:password@host}, or null. */
        String password() {
            String userInfo = url.getUserInfo();
            return userInfo == null || !userInfo.contains(":") ? userInfo : userInfo.substring(userInfo.indexOf(':') + 1);
        }

        String username() {
            String userInfo = url.getUserInfo();
            return userInfo == null || !userInfo.contains(":") || userInfo.startsWith(":") ? null
                    : userInfo.substring(0, userInfo.indexOf(':'));
        }

        @Override
        public String toString() {
            return "Redis[" + address() + "/" + database() + ", keyPrefix=" + keyPrefix + "]";
        }
    }
}
