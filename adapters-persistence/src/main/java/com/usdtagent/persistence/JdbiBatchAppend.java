package com.usdtagent.persistence;

import com.usdtagent.application.chat.ChatRooms.ClientMessageIdTaken;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.usdtagent.persistence.SqlArrays.each;

/**
 * {@link com.usdtagent.application.chat.ChatRooms#append}: a batch of messages over any number of rooms in one
 * statement over arrays, however many messages: the messages (JdbiMessages inserts them), each room's last seq and
 * activity, each member's activity and pointers.
 */
final class JdbiBatchAppend {

    static final String APPEND = "WITH appended AS (\n" + JdbiMessages.INSERT_FROM_ARRAYS + """
            ), room AS (
                UPDATE chat_room SET last_seq = newest.seq, last_activity_at = CAST(newest.at AS timestamptz)
                FROM unnest(:rooms, :lastSeqs, :lastAts) AS newest (id, seq, at)
                WHERE chat_room.id = newest.id
            )
            UPDATE room_member
            SET last_activity_at = CAST(target.at AS timestamptz),
                delivered_seq = GREATEST(room_member.delivered_seq, target.delivered_seq),
                read_seq = GREATEST(room_member.read_seq, target.read_seq)
            FROM unnest(:memberRooms, :members, :deliveredSeqs, :readSeqs, :memberAts)
                 AS target (room_id, user_id, delivered_seq, read_seq, at)
            WHERE room_member.room_id = target.room_id AND room_member.user_id = target.user_id
            RETURNING room_member.room_id, room_member.user_id, room_member.delivered_seq, room_member.read_seq
            """;

    private record StoredPointers(RoomId room, UserId member, ReadPointers pointers) {
    }

    private final Jdbi jdbi;

    JdbiBatchAppend(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<RoomId, Map<UserId, ReadPointers>> append(List<Message> messages,
                                                  Map<RoomId, Map<UserId, ReadPointers>> pointers) {
        Map<RoomId, Message> newest = messages.stream().collect(Collectors.toMap(Message::roomId, message -> message,
                (one, other) -> one.seq() > other.seq() ? one : other));
        List<RoomId> rooms = List.copyOf(newest.keySet());
        List<Map.Entry<RoomId, UserId>> members = pointers.entrySet().stream()
                .flatMap(room -> room.getValue().keySet().stream().map(member -> Map.entry(room.getKey(), member)))
                .toList();
        try {
            return jdbi.withHandle(handle -> JdbiMessages.bindInserted(handle.createQuery(APPEND), messages)
                    .bind("rooms", SqlArrays.array("uuid", each(rooms, RoomId::value)))
                    .bind("lastSeqs", SqlArrays.array("bigint", each(rooms, room -> newest.get(room).seq())))
                    .bind("lastAts", SqlArrays.array("text",
                            each(rooms, room -> newest.get(room).createdAt().toString())))
                    .bind("memberRooms", SqlArrays.array("uuid", each(members, member -> member.getKey().value())))
                    .bind("members", SqlArrays.array("uuid", each(members, member -> member.getValue().value())))
                    .bind("deliveredSeqs", SqlArrays.array("bigint", each(members,
                            member -> pointers.get(member.getKey()).get(member.getValue()).deliveredSeq())))
                    .bind("readSeqs", SqlArrays.array("bigint", each(members,
                            member -> pointers.get(member.getKey()).get(member.getValue()).readSeq())))
                    .bind("memberAts", SqlArrays.array("text", each(members,
                            member -> newest.get(member.getKey()).createdAt().toString())))
                    .map((row, context) -> new StoredPointers(new RoomId(row.getObject("room_id", UUID.class)),
                            new UserId(row.getObject("user_id", UUID.class)),
                            new ReadPointers(row.getLong("delivered_seq"), row.getLong("read_seq"))))
                    .list())
                    .stream().collect(Collectors.groupingBy(StoredPointers::room,
                            Collectors.toUnmodifiableMap(StoredPointers::member, StoredPointers::pointers)));
        } catch (UnableToExecuteStatementException e) {
            if (JdbiMessages.tookAClientMessageId(e)) {
                throw new ClientMessageIdTaken();
            }
            throw e;
        }
    }
}
