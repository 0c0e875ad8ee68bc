package com.usdtagent.persistence;

import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Presence in {@code socket_connection} and {@code room_viewer}, shared by every node, with this node's heartbeat in
 * {@code server_node}. The changes of one user take turns on a lock of the user's account row, so that of two
 * sockets opening or closing at once exactly one sees the user come online or go offline. The methods that take
 * that lock run in a transaction of their own, or join the caller's (see JdbiTransactions).
 */
final class JdbiPresence implements Presence {

    // NO KEY UPDATE rather than UPDATE: it takes turns with itself but not with the key-share locks that foreign key
    // checks take, so inserting a message or a room of the user does not wait for presence changes
    private static final String LOCK_USER = "SELECT id FROM user_account WHERE id = :user FOR NO KEY UPDATE";
    private static final String INSERT_SOCKET = """
            INSERT INTO socket_connection (socket_id, user_id, node_id, connected_at)
            VALUES (:socket, :user, :node, :at)
            """;
    private static final String COUNT_SOCKETS = "SELECT count(*) FROM socket_connection WHERE user_id = :user";
    // the socket's room_viewer rows go with it (ON DELETE CASCADE)
    private static final String DELETE_SOCKET = "DELETE FROM socket_connection WHERE socket_id = :socket AND user_id = :user";
    private static final String MARK_OFFLINE = """
            UPDATE user_account SET last_seen_at = :at
            WHERE id = ANY(:users) AND NOT EXISTS (SELECT 1 FROM socket_connection s WHERE s.user_id = user_account.id)
            RETURNING id
            """;
    private static final String IS_ONLINE = "SELECT EXISTS (SELECT 1 FROM socket_connection WHERE user_id = :user)";

    /**
     * A column that says whether the user in {@code userColumn} is online: a scalar subquery, one probe of
     * socket_connection_user_idx a row. Written as EXISTS in a select list, the planner hashed every connected
     * socket instead, for each room list and each batch of sends.
     */
    static String onlineColumn(String userColumn) {
        return "(SELECT true FROM socket_connection s WHERE s.user_id = " + userColumn + " LIMIT 1) IS NOT NULL";
    }
    // nothing when the socket is gone; nothing new when it already views the room
    private static final String START_VIEWING = """
            INSERT INTO room_viewer (socket_id, room_id, user_id)
            SELECT socket_id, :room, user_id FROM socket_connection WHERE socket_id = :socket
            ON CONFLICT DO NOTHING
            """;
    private static final String STOP_VIEWING = "DELETE FROM room_viewer WHERE socket_id = :socket AND room_id = :room";
    private static final String IS_VIEWING =
            "SELECT EXISTS (SELECT 1 FROM room_viewer WHERE user_id = :user AND room_id = :room)";
    private static final String HEARTBEAT = """
            INSERT INTO server_node (id, heartbeat_at) VALUES (:node, :at)
            ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """;
    // SKIP LOCKED: a node that another sweeper is taking apart is left to it, so no user is reported twice
    private static final String CLAIM_SILENT_NODES = """
            SELECT id FROM server_node WHERE id <> :node AND heartbeat_at < :cutoff
            FOR UPDATE SKIP LOCKED
            """;
    // in id order, so that two sweepers locking overlapping users cannot deadlock
    private static final String LOCK_USERS_ON_NODES = """
            SELECT id FROM user_account
            WHERE id IN (SELECT user_id FROM socket_connection WHERE node_id = ANY(:nodes))
            ORDER BY id
            FOR NO KEY UPDATE
            """;
    // their sockets, and those sockets' room_viewer rows, go with them (ON DELETE CASCADE)
    private static final String DELETE_NODES = "DELETE FROM server_node WHERE id = ANY(:nodes)";

    private final Jdbi jdbi;
    private final UUID node;

    JdbiPresence(Jdbi jdbi, UUID node) {
        this.jdbi = jdbi;
        this.node = node;
    }

    @Override
    public boolean socketOpened(UserId user, SocketId socket, Instant at) {
        return jdbi.inTransaction(handle -> {
            lockUser(handle, user);
            handle.createUpdate(INSERT_SOCKET)
                    .bind("socket", socket.value())
                    .bind("user", user.value())
                    .bind("node", node)
                    .bind("at", Timestamps.utc(at))
                    .execute();
            return handle.createQuery(COUNT_SOCKETS).bind("user", user.value()).mapTo(Long.class).one() == 1;
        });
    }

    @Override
    public Optional<Instant> socketClosed(UserId user, SocketId socket, Instant at) {
        return jdbi.inTransaction(handle -> {
            lockUser(handle, user);
            int deleted = handle.createUpdate(DELETE_SOCKET)
                    .bind("socket", socket.value())
                    .bind("user", user.value())
                    .execute();
            boolean wentOffline = deleted > 0 && !markOffline(handle, List.of(user.value()), at).isEmpty();
            return wentOffline ? Optional.of(at) : Optional.empty();
        });
    }

    private static void lockUser(Handle handle, UserId user) {
        handle.createQuery(LOCK_USER).bind("user", user.value()).mapTo(UUID.class).findOne();
    }

    /** Sets the last-seen time of those of the users who have no socket left; returns them. */
    private static List<UUID> markOffline(Handle handle, List<UUID> users, Instant at) {
        return handle.createQuery(MARK_OFFLINE)
                .bind("users", SqlArrays.array("uuid", users))
                .bind("at", Timestamps.utc(at))
                .mapTo(UUID.class)
                .list();
    }

    @Override
    public boolean isOnline(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(IS_ONLINE)
                .bind("user", user.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void startViewing(SocketId socket, RoomId room) {
        updateViewing(START_VIEWING, socket, room);
    }

    @Override
    public void stopViewing(SocketId socket, RoomId room) {
        updateViewing(STOP_VIEWING, socket, room);
    }

    private void updateViewing(String sql, SocketId socket, RoomId room) {
        jdbi.useHandle(handle -> handle.createUpdate(sql)
                .bind("socket", socket.value())
                .bind("room", room.value())
                .execute());
    }

    @Override
    public boolean isViewing(UserId user, RoomId room) {
        return jdbi.withHandle(handle -> handle.createQuery(IS_VIEWING)
                .bind("user", user.value())
                .bind("room", room.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void heartbeat(Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(HEARTBEAT)
                .bind("node", node)
                .bind("at", Timestamps.utc(at))
                .execute());
    }

    @Override
    public List<PresenceChange> sweepSilentNodes(Duration silence, Instant now) {
        return jdbi.inTransaction(handle -> {
            List<UUID> nodes = handle.createQuery(CLAIM_SILENT_NODES)
                    .bind("node", node)
                    .bind("cutoff", Timestamps.utc(now.minus(silence)))
                    .mapTo(UUID.class)
                    .list();
            if (nodes.isEmpty()) {
                return List.of();
            }
            // the users' locks come before their sockets go, the order socketClosed takes them in
            List<UUID> users = handle.createQuery(LOCK_USERS_ON_NODES)
                    .bind("nodes", SqlArrays.array("uuid", nodes))
                    .mapTo(UUID.class)
                    .list();
            handle.createUpdate(DELETE_NODES).bind("nodes", SqlArrays.array("uuid", nodes)).execute();
            return markOffline(handle, users, now).stream()
                    .map(user -> new PresenceChange(new UserId(user), false, now))
                    .toList();
        });
    }
}
