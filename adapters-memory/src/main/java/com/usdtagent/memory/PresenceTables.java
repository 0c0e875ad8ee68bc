package com.usdtagent.memory;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The presence rows every node's {@link MemoryPresence} shares ({@code socket_connection}, {@code room_viewer},
 * {@code server_node}, {@code user_account.last_seen_at}), which the call timer reads too, and the accounts' locks
 * that presence changes and calls take turns on.
 */
final class PresenceTables {

    record Socket(UserId user, UUID node, Instant connectedAt) {
    }

    record Viewing(SocketId socket, RoomId room) {
    }

    record Heartbeat(UUID node, Instant at) {
    }

    /** The lock of a user's account row. */
    private record AccountLock(UserId user) {
    }

    final Table<SocketId, Socket> sockets;
    final Table<Viewing, UserId> viewers;
    final Table<UUID, Heartbeat> heartbeats;
    final Table<UserId, Instant> lastSeen;
    private final MemoryStore store;

    PresenceTables(MemoryStore store) {
        this.store = store;
        this.sockets = new Table<>(store);
        this.viewers = new Table<>(store);
        this.heartbeats = new Table<>(store);
        this.lastSeen = new Table<>(store);
    }

    /** Locks the users' accounts in id order, as PostgreSQL's {@code ORDER BY id FOR NO KEY UPDATE}, so that no two lockers deadlock. */
    void lockAccounts(Collection<UserId> users) {
        users.stream().distinct()
                .sorted(Comparator.comparing(UserId::value, Uuids.POSTGRES_ORDER))
                .forEach(user -> store.lock(new AccountLock(user)));
    }

    boolean hasSocket(UserId user) {
        return !sockets.rows(socket -> socket.user().equals(user)).isEmpty();
    }

    Set<UserId> usersWithSockets() {
        return sockets.values(socket -> true).stream().map(Socket::user).collect(Collectors.toSet());
    }
}
