package com.usdtagent.persistence;

import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.usdtagent.persistence.SqlArrays.each;

/**
 * The {@code message} table: the reads of {@link Messages}, and the insert that {@link JdbiBatchAppend} makes part of
 * an append. Joins the caller's transaction when there is one (see JdbiTransactions).
 */
final class JdbiMessages implements Messages {

    private static final String SELECT = "SELECT " + MessageRows.COLUMNS + "FROM message m\n";
    /** Inserts one message per element of the arrays {@link #bindInserted} binds. */
    static final String INSERT_FROM_ARRAYS = """
            INSERT INTO message (id, room_id, seq, sender_id, type, text, client_message_id, meta, created_at,
                                 attachments)
            SELECT id, room_id, seq, sender_id, type, text, client_message_id, CAST(meta AS jsonb),
                   CAST(created_at AS timestamptz), CAST(attachments AS jsonb)
            FROM unnest(:ids, :roomIds, :seqs, :senderIds, :types, :texts, :clientMessageIds, :metas, :createdAts,
                        :attachments)
                 AS m (id, room_id, seq, sender_id, type, text, client_message_id, meta, created_at, attachments)
            """;
    private static final String CLIENT_MESSAGE_ID_KEY = "message_client_message_id_key";
    // one index lookup per key, whatever the planner thinks of the table's size. The key is unique, and the LIMIT
    // keeps the planner from pulling the subquery up into a join: it did, and hashed the whole table, while the
    // statistics still said message was small
    static final String BY_CLIENT_MESSAGE_IDS = """
            SELECT m.* FROM unnest(:senders, :clientMessageIds) AS used (sender_id, client_message_id)
            CROSS JOIN LATERAL (
            """ + SELECT + """
                WHERE m.sender_id = used.sender_id AND m.client_message_id = used.client_message_id
                LIMIT 1
            ) m
            """;
    // both pages are one range of the (room_id, seq) unique index, read forwards or backwards
    static final String AFTER = SELECT + """
            WHERE m.room_id = :room AND m.seq > :seq
            ORDER BY m.seq
            LIMIT :limit
            """;
    static final String BEFORE = SELECT + """
            WHERE m.room_id = :room AND m.seq < :seq
            ORDER BY m.seq DESC
            LIMIT :limit
            """;

    private final Jdbi jdbi;

    JdbiMessages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Binds the messages for {@link #INSERT_FROM_ARRAYS} in a statement that contains it. */
    static <S extends SqlStatement<S>> S bindInserted(S statement, List<Message> messages) {
        return statement
                .bind("ids", SqlArrays.array("uuid", each(messages, message -> message.id().value())))
                .bind("roomIds", SqlArrays.array("uuid", each(messages, message -> message.roomId().value())))
                .bind("seqs", SqlArrays.array("bigint", each(messages, Message::seq)))
                .bind("senderIds", SqlArrays.array("uuid", each(messages, message -> message.senderId().value())))
                .bind("types", SqlArrays.array("text", each(messages, message -> MessageRows.typeName(message.type()))))
                .bind("texts", SqlArrays.array("text", each(messages, Message::text)))
                .bind("clientMessageIds", SqlArrays.array("text", each(messages, Message::clientMessageId)))
                .bind("metas", SqlArrays.array("text", each(messages, message -> MessageRows.metaJson(message.meta()))))
                .bind("createdAts", SqlArrays.array("text", each(messages, message -> message.createdAt().toString())))
                .bind("attachments", SqlArrays.array("text",
                        each(messages, message -> AttachmentRows.json(message.attachments()))));
    }

    /** Whether the insert failed because a sender had used a message's clientMessageId before. */
    static boolean tookAClientMessageId(UnableToExecuteStatementException failure) {
        return failure.getCause() instanceof PSQLException sql && sql.getServerErrorMessage() != null
                && CLIENT_MESSAGE_ID_KEY.equals(sql.getServerErrorMessage().getConstraint());
    }

    @Override
    public Map<ClientMessageKey, Message> findByClientMessageIds(Collection<ClientMessageKey> keys) {
        // a batch that holds a send and its resend asks for one key twice; a row for each would be a duplicate key
        List<ClientMessageKey> distinct = keys.stream().distinct().toList();
        return jdbi.withHandle(handle -> handle.createQuery(BY_CLIENT_MESSAGE_IDS)
                .bind("senders", SqlArrays.array("uuid", each(distinct, key -> key.sender().value())))
                .bind("clientMessageIds", SqlArrays.array("text", each(distinct, ClientMessageKey::clientMessageId)))
                .map((row, context) -> MessageRows.toMessage(row))
                .list())
                .stream().collect(Collectors.toMap(ClientMessageKey::of, message -> message));
    }

    @Override
    public List<Message> after(RoomId room, long after, int limit) {
        return page(AFTER, room, after, limit);
    }

    @Override
    public List<Message> before(RoomId room, long before, int limit) {
        // read newest first to take the newest ones, handed out oldest first
        return page(BEFORE, room, before, limit).reversed();
    }

    private List<Message> page(String sql, RoomId room, long seq, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("room", room.value())
                .bind("seq", seq)
                .bind("limit", limit)
                .map((row, context) -> MessageRows.toMessage(row))
                .list());
    }
}
