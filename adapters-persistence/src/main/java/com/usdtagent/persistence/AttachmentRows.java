package com.usdtagent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How an {@link Attachment} is stored: a row of {@code attachment}, and the JSON copy that a message's and an
 * appeal's {@code attachments} column keeps.
 */
final class AttachmentRows {

    static final String COLUMNS = """
            id, room_id, uploader_id, kind, mime, name, size, width, height, thumbnail_mime, created_at, message_id
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Copy>> COPIES = new TypeReference<>() {
    };

    /** The JSON form; its field names are stored, so renaming one needs a migration. */
    private record Copy(String id, String roomId, String uploader, String kind, String mime, String name, long size,
                        Integer width, Integer height, String thumbnailMime, String createdAt, String sentIn) {

        static Copy of(Attachment a) {
            return new Copy(a.id().toString(), a.roomId().toString(), a.uploader().toString(), a.kind().name(),
                    a.mime(), a.name(), a.size(), a.width(), a.height(), a.thumbnailMime(), a.createdAt().toString(),
                    a.sentIn() == null ? null : a.sentIn().toString());
        }

        Attachment attachment() {
            return new Attachment(new AttachmentId(UUID.fromString(id)), new RoomId(UUID.fromString(roomId)),
                    new UserId(UUID.fromString(uploader)), AttachmentKind.valueOf(kind), mime, name, size, width,
                    height, thumbnailMime, Instant.parse(createdAt),
                    sentIn == null ? null : new MessageId(UUID.fromString(sentIn)));
        }
    }

    private AttachmentRows() {
    }

    static Attachment toAttachment(ResultSet row) throws SQLException {
        UUID message = row.getObject("message_id", UUID.class);
        return new Attachment(
                new AttachmentId(row.getObject("id", UUID.class)),
                new RoomId(row.getObject("room_id", UUID.class)),
                new UserId(row.getObject("uploader_id", UUID.class)),
                AttachmentKind.valueOf(row.getString("kind")),
                row.getString("mime"),
                row.getString("name"),
                row.getLong("size"),
                row.getObject("width", Integer.class),
                row.getObject("height", Integer.class),
                row.getString("thumbnail_mime"),
                Timestamps.instant(row, "created_at"),
                message == null ? null : new MessageId(message));
    }

    /** The JSON copy; null for none, so that the many rows without attachments carry nothing. */
    static String json(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attachments.stream().map(Copy::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The attachments cannot be written as JSON", e);
        }
    }

    static List<Attachment> fromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, COPIES).stream().map(Copy::attachment).toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The stored attachments are not a JSON array of attachments", e);
        }
    }
}
