package com.usdtagent.socketio;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The authenticated sockets of this node, by netty-socketio session id. A socket missing here has no verified user. */
final class Sessions {

    private final Map<UUID, SocketSession> bySocket = new ConcurrentHashMap<>();

    void add(SocketSession session) {
        bySocket.put(session.client().getSessionId(), session);
    }

    Optional<SocketSession> find(UUID socketId) {
        return Optional.ofNullable(bySocket.get(socketId));
    }

    Optional<SocketSession> remove(UUID socketId) {
        return Optional.ofNullable(bySocket.remove(socketId));
    }

    Collection<SocketSession> all() {
        return bySocket.values();
    }

    int count() {
        return bySocket.size();
    }
}
