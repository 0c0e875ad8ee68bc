package com.usdtagent.persistence;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Contact;
import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rooms in {@code chat_room}, each member's side of them in {@code room_member}; JdbiBatchAppend appends to them and
 * JdbiRoomList reads the lists made of them. Joins the caller's transaction when there is one (see JdbiTransactions).
 */
final class JdbiChatRooms implements ChatRooms {

    private static final String SELECT_ROOM = """
            SELECT id, member_low, member_high, last_seq, created_at
            FROM chat_room
            """;
    private static final String BY_ID = SELECT_ROOM + "WHERE id = :id";
    // one row per member. It locks the rooms in room order, so that two batches locking overlapping rooms cannot
    // deadlock. The members' rows need no locks of their own (each would write a WAL record): a statement that
    // writes several of them holds their rooms first (the append, DELIVER_ALL), and a receipt writes one row alone;
    // the append moves each pointer to the greater of its value and the batch's. A lock that waited for another
    // append returns the room as that append left it; the rest is as it was when the statement began
    static final String LOCK_WITH_SIDES = """
            SELECT room.id, room.member_low, room.member_high, room.last_seq, room.created_at,
                   member.delivered_seq, member.read_seq,
                   account.id AS member_id, account.username, account.role, account.last_seen_at,
            """ + JdbiPresence.onlineColumn("account.id") + """
             AS online,
                   (SELECT true FROM room_viewer v WHERE v.user_id = account.id AND v.room_id = room.id LIMIT 1)
                       IS NOT NULL AS viewing
            FROM chat_room room
            JOIN room_member member ON member.room_id = room.id
            JOIN user_account account ON account.id = member.user_id
            WHERE room.id = ANY(:ids)
            ORDER BY room.id, member.user_id
            FOR NO KEY UPDATE OF room
            """;
    // the pair is stored in PostgreSQL's uuid order, which differs from java.util.UUID's signed compareTo
    private static final String BY_PAIR = SELECT_ROOM
            + "WHERE member_low = LEAST(:one, :other) AND member_high = GREATEST(:one, :other)";
    // the members join in the same statement, so no room is ever seen without them
    private static final String INSERT_IF_PAIR_IS_NEW = """
            WITH room AS (
                INSERT INTO chat_room (id, member_low, member_high, last_seq, created_at, last_activity_at)
                VALUES (:id, LEAST(:first, :second), GREATEST(:first, :second), :lastSeq, :createdAt, :createdAt)
                ON CONFLICT (member_low, member_high) DO NOTHING
                RETURNING id, member_low, member_high, created_at
            )
            INSERT INTO room_member (room_id, user_id, last_activity_at)
            SELECT id, member_low, created_at FROM room
            UNION ALL
            SELECT id, member_high, created_at FROM room
            """;
    private static final String POINTERS = """
            SELECT delivered_seq, read_seq FROM room_member WHERE room_id = :room AND user_id = :member
            """;
    private static final String ADVANCE = """
            UPDATE room_member
            SET delivered_seq = GREATEST(delivered_seq, :deliveredSeq), read_seq = GREATEST(read_seq, :readSeq)
            WHERE room_id = :room AND user_id = :member
            RETURNING delivered_seq, read_seq
            """;
    // locks the member's rooms in room order first, as LOCK_WITH_SIDES does, so that it cannot deadlock with a
    // batch of sends that holds several of them, nor with another delivery to a member of the same rooms
    private static final String DELIVER_ALL = """
            WITH due AS (
                SELECT me.room_id FROM room_member me JOIN chat_room room ON room.id = me.room_id
                WHERE me.user_id = :member AND me.delivered_seq < room.last_seq
                ORDER BY me.room_id
                FOR NO KEY UPDATE OF room
            )
            UPDATE room_member me SET delivered_seq = room.last_seq
            FROM chat_room room, due
            WHERE me.user_id = :member AND me.room_id = due.room_id AND room.id = me.room_id
              AND me.delivered_seq < room.last_seq
            RETURNING me.room_id, me.delivered_seq,
                      CASE WHEN room.member_low = me.user_id THEN room.member_high ELSE room.member_low END AS opponent
            """;

    private final Jdbi jdbi;
    private final JdbiBatchAppend batchAppend;

    JdbiChatRooms(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.batchAppend = new JdbiBatchAppend(jdbi);
    }

    @Override
    public Optional<ChatRoom> findById(RoomId id) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_ID)
                .bind("id", id.value())
                .map(JdbiChatRooms::toRoom)
                .findOne());
    }

    @Override
    public Optional<ChatRoom> findByPair(UserId one, UserId other) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_PAIR)
                .bind("one", one.value())
                .bind("other", other.value())
                .map(JdbiChatRooms::toRoom)
                .findOne());
    }

    @Override
    public ChatRoom addOrGetExisting(ChatRoom room) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT_IF_PAIR_IS_NEW)
                .bind("id", room.id().value())
                .bind("first", room.firstMember().value())
                .bind("second", room.secondMember().value())
                .bind("lastSeq", room.lastSeq())
                .bind("createdAt", Timestamps.utc(room.createdAt()))
                .execute());
        // a separate statement: one that lost the race to a concurrent insert sees the winner's row only from here
        return findByPair(room.firstMember(), room.secondMember()).orElseThrow();
    }

    @Override
    public Map<RoomId, LockedRoom> lockForAppend(Collection<RoomId> ids) {
        List<Map.Entry<ChatRoom, LockedRoom.Side>> rows = jdbi.withHandle(handle -> handle.createQuery(LOCK_WITH_SIDES)
                .bind("ids", SqlArrays.array("uuid", ids.stream().map(RoomId::value).distinct().toList()))
                .map((row, context) -> Map.entry(toRoom(row, context), toSide(row, context)))
                .list());
        return rows.stream().collect(Collectors.groupingBy(row -> row.getKey().id(), Collectors.collectingAndThen(
                Collectors.toList(), sides -> new LockedRoom(sides.getFirst().getKey(), sides.stream().collect(
                        Collectors.toMap(side -> side.getValue().member().id(), Map.Entry::getValue))))));
    }

    private static LockedRoom.Side toSide(ResultSet row, StatementContext context) throws SQLException {
        Contact member = new Contact(new UserId(row.getObject("member_id", UUID.class)),
                new Username(row.getString("username")), JdbiUserAccounts.role(row.getString("role")),
                row.getBoolean("online"), Timestamps.instant(row, "last_seen_at"));
        return new LockedRoom.Side(member, toPointers(row, context), row.getBoolean("viewing"));
    }

    @Override
    public Map<RoomId, Map<UserId, ReadPointers>> append(List<Message> messages,
                                                         Map<RoomId, Map<UserId, ReadPointers>> pointers) {
        return batchAppend.append(messages, pointers);
    }

    @Override
    public ReadPointers pointers(RoomId room, UserId member) {
        return jdbi.withHandle(handle -> handle.createQuery(POINTERS)
                .bind("room", room.value())
                .bind("member", member.value())
                .map(JdbiChatRooms::toPointers)
                .findOne())
                .orElseThrow(() -> notAMember(room, member));
    }

    @Override
    public ReadPointers advance(RoomId room, UserId member, ReadPointers target) {
        return jdbi.withHandle(handle -> handle.createQuery(ADVANCE)
                .bind("room", room.value())
                .bind("member", member.value())
                .bind("deliveredSeq", target.deliveredSeq())
                .bind("readSeq", target.readSeq())
                .map(JdbiChatRooms::toPointers)
                .findOne())
                .orElseThrow(() -> notAMember(room, member));
    }

    private static IllegalStateException notAMember(RoomId room, UserId member) {
        // every member has a row from the room's creation on, so the caller asked about somebody else
        return new IllegalStateException(member + " has no pointers in room " + room);
    }

    @Override
    public List<PendingDelivery> deliverAll(UserId member) {
        return jdbi.withHandle(handle -> handle.createQuery(DELIVER_ALL)
                .bind("member", member.value())
                .map((row, context) -> new PendingDelivery(
                        new RoomId(row.getObject("room_id", UUID.class)),
                        new UserId(row.getObject("opponent", UUID.class)),
                        row.getLong("delivered_seq")))
                .list());
    }

    private static ChatRoom toRoom(ResultSet row, StatementContext context) throws SQLException {
        return new ChatRoom(
                new RoomId(row.getObject("id", UUID.class)),
                new UserId(row.getObject("member_low", UUID.class)),
                new UserId(row.getObject("member_high", UUID.class)),
                row.getLong("last_seq"),
                Timestamps.instant(row, "created_at"));
    }

    private static ReadPointers toPointers(ResultSet row, StatementContext context) throws SQLException {
        return new ReadPointers(row.getLong("delivered_seq"), row.getLong("read_seq"));
    }
}
