package com.usdtagent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** How a {@link Message} is stored in the {@code message} table; shared by every query that reads messages. */
final class MessageRows {

    /**
     * The columns to select from {@code message m} for {@link #toMessage}; prefixed, so that they can sit next to
     * another table's {@code id} and {@code created_at}.
     */
    static final String COLUMNS = """
            m.id AS message_id, m.room_id AS message_room_id, m.seq AS message_seq, m.sender_id AS message_sender_id,
            m.type AS message_type, m.text AS message_text, m.client_message_id AS message_client_message_id,
            m.meta AS message_meta, m.created_at AS message_created_at, m.attachments AS message_attachments
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> META = new TypeReference<>() {
    };

    private MessageRows() {
    }

    static Message toMessage(ResultSet row) throws SQLException {
        return new Message(
                new MessageId(row.getObject("message_id", UUID.class)),
                new RoomId(row.getObject("message_room_id", UUID.class)),
                row.getLong("message_seq"),
                new UserId(row.getObject("message_sender_id", UUID.class)),
                MessageType.valueOf(row.getString("message_type").toUpperCase(Locale.ROOT)),
                row.getString("message_text"),
                row.getString("message_client_message_id"),
                meta(row.getString("message_meta")),
                Timestamps.instant(row, "message_created_at"),
                AttachmentRows.fromJson(row.getString("message_attachments")));
    }

    /** The name the {@code type} column stores. */
    static String typeName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code meta} column's JSON text; null for no details, so that text messages carry no empty object. */
    static String metaJson(Map<String, Object> meta) {
        if (meta.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The message details cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> meta(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, META);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The stored message details are not a JSON object", e);
        }
    }
}
