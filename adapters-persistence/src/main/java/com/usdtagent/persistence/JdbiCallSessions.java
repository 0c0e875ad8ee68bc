package com.usdtagent.persistence;

import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Calls in {@code call_session}. Joins the caller's transaction when there is one (see JdbiTransactions). */
final class JdbiCallSessions implements CallSessions {

    private static final String ACTIVE = "('ringing', 'accepted')";
    private static final String COLUMNS = """
            c.id, c.room_id, c.caller_id, c.callee_id, c.status, c.channel_name, c.caller_uid, c.callee_uid,
            c.started_at, c.answered_at, c.ended_at
            """;
    private static final String SELECT = "SELECT " + COLUMNS + "FROM call_session c\n";
    // in id order, so that two calls locking the same pair cannot deadlock; NO KEY UPDATE as JdbiPresence takes it
    private static final String LOCK_USERS = """
            SELECT id FROM user_account WHERE id IN (:one, :other) ORDER BY id FOR NO KEY UPDATE
            """;
    private static final String ANY_ACTIVE = """
            SELECT EXISTS (SELECT 1 FROM call_session WHERE status IN %1$s AND caller_id IN (:one, :other))
                OR EXISTS (SELECT 1 FROM call_session WHERE status IN %1$s AND callee_id IN (:one, :other))
            """.formatted(ACTIVE);
    private static final String INSERT = """
            INSERT INTO call_session (id, room_id, caller_id, callee_id, status, channel_name, caller_uid, callee_uid,
                                      started_at, answered_at, ended_at)
            VALUES (:id, :roomId, :callerId, :calleeId, :status, :channelName, :callerUid, :calleeUid,
                    :startedAt, :answeredAt, :endedAt)
            """;
    private static final String BY_ID = SELECT + "WHERE c.id = :id";
    private static final String UPDATE = """
            UPDATE call_session SET status = :status, answered_at = :answeredAt, ended_at = :endedAt WHERE id = :id
            """;
    private static final String ANSWERED_ON = "UPDATE call_session SET answered_socket = :socket WHERE id = :id";
    private static final String ANSWERING_SOCKET = "SELECT answered_socket FROM call_session WHERE id = :id";
    static final String CLAIM_RINGING = SELECT + """
            WHERE c.status = 'ringing' AND c.started_at < :cutoff
            ORDER BY c.started_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    // a participant is gone when no socket of theirs is left and their last one closed before the cutoff
    static final String CLAIM_ABANDONED = SELECT + """
            WHERE c.status IN %s
              AND EXISTS (
                SELECT 1 FROM user_account u
                WHERE (u.id = c.caller_id OR (c.status = 'accepted' AND u.id = c.callee_id))
                  AND COALESCE(u.last_seen_at, c.started_at) < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM socket_connection s WHERE s.user_id = u.id))
            ORDER BY c.started_at
            LIMIT :limit
            FOR UPDATE OF c SKIP LOCKED
            """.formatted(ACTIVE);

    private final Jdbi jdbi;

    JdbiCallSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void lockParticipants(UserId one, UserId other) {
        jdbi.useHandle(handle -> handle.createQuery(LOCK_USERS)
                .bind("one", one.value())
                .bind("other", other.value())
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public boolean anyInActiveCall(UserId one, UserId other) {
        return jdbi.withHandle(handle -> handle.createQuery(ANY_ACTIVE)
                .bind("one", one.value())
                .bind("other", other.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public void add(CallSession call) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", call.id().value())
                .bind("roomId", call.roomId().value())
                .bind("callerId", call.caller().value())
                .bind("calleeId", call.callee().value())
                .bind("status", call.status().wireName())
                .bind("channelName", call.channelName())
                .bind("callerUid", call.callerUid())
                .bind("calleeUid", call.calleeUid())
                .bind("startedAt", Timestamps.utc(call.startedAt()))
                .bindByType("answeredAt", Timestamps.utcOrNull(call.answeredAt()), OffsetDateTime.class)
                .bindByType("endedAt", Timestamps.utcOrNull(call.endedAt()), OffsetDateTime.class)
                .execute());
    }

    @Override
    public Optional<CallSession> findById(CallId id) {
        return byId(BY_ID, id);
    }

    @Override
    public Optional<CallSession> lock(CallId id) {
        return byId(BY_ID + " FOR UPDATE", id);
    }

    private Optional<CallSession> byId(String sql, CallId id) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("id", id.value())
                .map((row, context) -> toCall(row))
                .findOne());
    }

    @Override
    public void update(CallSession call) {
        jdbi.useHandle(handle -> handle.createUpdate(UPDATE)
                .bind("id", call.id().value())
                .bind("status", call.status().wireName())
                .bindByType("answeredAt", Timestamps.utcOrNull(call.answeredAt()), OffsetDateTime.class)
                .bindByType("endedAt", Timestamps.utcOrNull(call.endedAt()), OffsetDateTime.class)
                .execute());
    }

    @Override
    public void answeredOn(CallId call, SocketId socket) {
        jdbi.useHandle(handle -> handle.createUpdate(ANSWERED_ON)
                .bind("id", call.value())
                .bind("socket", socket.value())
                .execute());
    }

    @Override
    public Optional<SocketId> answeringSocket(CallId call) {
        return jdbi.withHandle(handle -> handle.createQuery(ANSWERING_SOCKET)
                .bind("id", call.value())
                .mapTo(UUID.class)
                .findOne()
                .map(SocketId::new));
    }

    @Override
    public List<CallSession> claimRingingSince(Instant cutoff, int limit) {
        return claim(CLAIM_RINGING, cutoff, limit);
    }

    @Override
    public List<CallSession> claimAbandoned(Instant cutoff, int limit) {
        return claim(CLAIM_ABANDONED, cutoff, limit);
    }

    private List<CallSession> claim(String sql, Instant cutoff, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("cutoff", Timestamps.utc(cutoff))
                .bind("limit", limit)
                .map((row, context) -> toCall(row))
                .list());
    }

    @Override
    public List<CallSession> history(UserId participant, ListCalls.Query query, int limit) {
        // each branch is a range of one participant index; the optional filters are added only when asked for
        String filters = query.room().map(room -> " AND c.room_id = :room").orElse("")
                + query.before().map(before ->
                        " AND (c.started_at, c.id) < (SELECT started_at, id FROM call_session WHERE id = :before)")
                .orElse("");
        String sql = "SELECT * FROM ("
                + SELECT + "WHERE c.caller_id = :user" + filters
                + "\nUNION ALL\n"
                + SELECT + "WHERE c.callee_id = :user" + filters
                + "\n) c ORDER BY c.started_at DESC, c.id DESC LIMIT :limit";
        return jdbi.withHandle(handle -> {
            var statement = handle.createQuery(sql)
                    .bind("user", participant.value())
                    .bind("limit", limit);
            query.room().ifPresent(room -> statement.bind("room", room.value()));
            query.before().ifPresent(before -> statement.bind("before", before.value()));
            return statement.map((row, context) -> toCall(row)).list();
        });
    }

    private static CallSession toCall(ResultSet row) throws SQLException {
        return new CallSession(
                new CallId(row.getObject("id", UUID.class)),
                new RoomId(row.getObject("room_id", UUID.class)),
                new UserId(row.getObject("caller_id", UUID.class)),
                new UserId(row.getObject("callee_id", UUID.class)),
                CallStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getString("channel_name"),
                row.getLong("caller_uid"),
                row.getLong("callee_uid"),
                Timestamps.instant(row, "started_at"),
                Timestamps.instant(row, "answered_at"),
                Timestamps.instant(row, "ended_at"));
    }
}
