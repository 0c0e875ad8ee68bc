package com.usdtagent.memory;

import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One node's view of the shared presence, as {@code JdbiPresence}: the changes of one user take turns on the lock of
 * the user's account, so that of two sockets opening or closing at once exactly one sees the user come online or
 * go offline.
 */
final class MemoryPresence implements Presence {

    private final MemoryStore store;
    private final PresenceTables tables;
    private final UUID node;

    MemoryPresence(MemoryStore store, PresenceTables tables, UUID node) {
        this.store = store;
        this.tables = tables;
        this.node = node;
    }

    @Override
    public boolean socketOpened(UserId user, SocketId socket, Instant at) {
        return store.atomically(() -> {
            tables.lockAccounts(List.of(user));
            tables.sockets.insert(socket, new PresenceTables.Socket(user, node, at));
            return tables.sockets.rows(open -> open.user().equals(user)).size() == 1;
        });
    }

    @Override
    public Optional<Instant> socketClosed(UserId user, SocketId socket, Instant at) {
        return store.atomically(() -> {
            tables.lockAccounts(List.of(user));
            boolean closed = tables.sockets.find(socket).filter(open -> open.user().equals(user)).isPresent()
                    && forgetSockets(List.of(socket));
            return closed && !markOffline(List.of(user), at).isEmpty() ? Optional.of(at) : Optional.<Instant>empty();
        });
    }

    /** Deletes the sockets with the rooms they were viewing, as the {@code ON DELETE CASCADE} does. */
    private boolean forgetSockets(Collection<SocketId> sockets) {
        Set<SocketId> gone = Set.copyOf(sockets);
        tables.viewers.rows(viewer -> true).stream().map(Map.Entry::getKey)
                .filter(viewing -> gone.contains(viewing.socket()))
                .forEach(tables.viewers::delete);
        boolean any = false;
        for (SocketId socket : gone) {
            any |= tables.sockets.delete(socket);
        }
        return any;
    }

    /** Sets the last-seen time of those of the users who have no socket left; returns them. */
    private List<UserId> markOffline(Collection<UserId> users, Instant at) {
        List<UserId> offline = new ArrayList<>();
        for (UserId user : users) {
            if (!tables.hasSocket(user)) {
                tables.lastSeen.put(user, at);
                offline.add(user);
            }
        }
        return offline;
    }

    @Override
    public boolean isOnline(UserId user) {
        return tables.hasSocket(user);
    }

    @Override
    public void startViewing(SocketId socket, RoomId room) {
        store.atomically(() -> tables.sockets.find(socket).ifPresent(open ->
                tables.viewers.insertIfAbsent(new PresenceTables.Viewing(socket, room), open.user())));
    }

    @Override
    public void stopViewing(SocketId socket, RoomId room) {
        store.atomically(() -> {
            tables.viewers.delete(new PresenceTables.Viewing(socket, room));
        });
    }

    @Override
    public boolean isViewing(UserId user, RoomId room) {
        return tables.viewers.rows(viewer -> viewer.equals(user)).stream()
                .anyMatch(row -> row.getKey().room().equals(room));
    }

    @Override
    public void heartbeat(Instant at) {
        store.atomically(() -> tables.heartbeats.put(node, new PresenceTables.Heartbeat(node, at)));
    }

    @Override
    public List<PresenceChange> sweepSilentNodes(Duration silence, Instant now) {
        return store.atomically(() -> {
            Instant cutoff = now.minus(silence);
            // SKIP LOCKED: a node that another sweeper is taking apart is left to it, so no user is reported twice
            Set<UUID> silent = tables.heartbeats.claim(
                            beat -> !beat.node().equals(node) && beat.at().isBefore(cutoff),
                            Comparator.comparing(PresenceTables.Heartbeat::at), Integer.MAX_VALUE)
                    .stream().map(PresenceTables.Heartbeat::node).collect(Collectors.toSet());
            if (silent.isEmpty()) {
                return List.of();
            }
            List<Map.Entry<SocketId, PresenceTables.Socket>> theirs =
                    tables.sockets.rows(socket -> silent.contains(socket.node()));
            List<UserId> users = theirs.stream().map(socket -> socket.getValue().user()).distinct().toList();
            // the users' locks come before their sockets go, the order socketClosed takes them in
            tables.lockAccounts(users);
            forgetSockets(theirs.stream().map(Map.Entry::getKey).toList());
            silent.forEach(tables.heartbeats::delete);
            return markOffline(users, now).stream().map(user -> new PresenceChange(user, false, now)).toList();
        });
    }
}
