package com.usdtagent.persistence;

import com.usdtagent.application.chat.Messages;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

import java.util.List;
import java.util.Optional;

/** Messages in the {@code message} table. Joins the caller's transaction when there is one (see JdbiTransactions). */
final class JdbiMessages implements Messages {

    private static final String CLIENT_MESSAGE_ID_KEY = "message_client_message_id_key";

    private static final String INSERT = """
            INSERT INTO message (id, room_id, seq, sender_id, type, text, client_message_id, meta, created_at)
            VALUES (:id, :roomId, :seq, :senderId, :type, :text, :clientMessageId, CAST(:meta AS jsonb), :createdAt)
            """;
    private static final String SELECT = "SELECT " + MessageRows.COLUMNS + "FROM message m\n";
    private static final String BY_CLIENT_MESSAGE_ID =
            SELECT + "WHERE m.sender_id = :sender AND m.client_message_id = :clientMessageId";
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

    @Override
    public void append(Message message) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", message.id().value())
                    .bind("roomId", message.roomId().value())
                    .bind("seq", message.seq())
                    .bind("senderId", message.senderId().value())
                    .bind("type", MessageRows.typeName(message.type()))
                    .bind("text", message.text())
                    .bind("clientMessageId", message.clientMessageId())
                    .bind("meta", MessageRows.metaJson(message.meta()))
                    .bind("createdAt", Timestamps.utc(message.createdAt()))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof PSQLException sql && sql.getServerErrorMessage() != null
                    && CLIENT_MESSAGE_ID_KEY.equals(sql.getServerErrorMessage().getConstraint())) {
                throw new BusinessException(ErrorCode.INVALID_STATE, "clientMessageId was already used");
            }
            throw e;
        }
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId sender, String clientMessageId) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_CLIENT_MESSAGE_ID)
                .bind("sender", sender.value())
                .bind("clientMessageId", clientMessageId)
                .map((row, context) -> MessageRows.toMessage(row))
                .findOne());
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
