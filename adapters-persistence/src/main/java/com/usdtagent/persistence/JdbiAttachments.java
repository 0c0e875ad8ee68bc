package com.usdtagent.persistence;

import com.usdtagent.application.attachment.AttachmentRoom;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Attachments in {@code attachment}. Joins the caller's transaction when there is one (see JdbiTransactions). */
final class JdbiAttachments implements Attachments {

    private static final String INSERT = """
            INSERT INTO attachment (id, room_id, uploader_id, kind, mime, name, size, width, height, thumbnail_mime,
                                    created_at)
            VALUES (:id, :roomId, :uploader, :kind, :mime, :name, :size, :width, :height, :thumbnailMime, :createdAt)
            """;
    private static final String SELECT = "SELECT " + AttachmentRows.COLUMNS + "FROM attachment\n";
    // in id order, so that two sends locking overlapping attachments cannot deadlock
    static final String LOCK = SELECT + "WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";
    private static final String MARK_SENT = """
            UPDATE attachment SET message_id = sent.message_id
            FROM unnest(:ids, :messageIds) AS sent (id, message_id)
            WHERE attachment.id = sent.id
            """;
    private static final String KEEP_AS_EVIDENCE = "UPDATE attachment SET evidence_of = :order WHERE id = ANY(:ids)";
    static final String ROOM = """
            SELECT member_low, member_high,
                   EXISTS (SELECT 1 FROM trade_order o WHERE o.room_id = r.id AND o.status = 'APPEAL') AS under_appeal
            FROM chat_room r
            WHERE r.id = :id
            """;
    // SKIP LOCKED: two nodes' collectors take different rows, and a send that holds a row keeps it
    static final String DELETE_UNUSED = """
            DELETE FROM attachment WHERE id IN (
                SELECT id FROM attachment
                WHERE message_id IS NULL AND evidence_of IS NULL AND created_at < :before
                ORDER BY created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            )
            RETURNING
            """ + AttachmentRows.COLUMNS;

    private final Jdbi jdbi;

    JdbiAttachments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Attachment attachment) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", attachment.id().value())
                .bind("roomId", attachment.roomId().value())
                .bind("uploader", attachment.uploader().value())
                .bind("kind", attachment.kind().name())
                .bind("mime", attachment.mime())
                .bind("name", attachment.name())
                .bind("size", attachment.size())
                .bindByType("width", attachment.width(), Integer.class)
                .bindByType("height", attachment.height(), Integer.class)
                .bindByType("thumbnailMime", attachment.thumbnailMime(), String.class)
                .bind("createdAt", Timestamps.utc(attachment.createdAt()))
                .execute());
    }

    @Override
    public Optional<Attachment> findById(AttachmentId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
                .bind("id", id.value())
                .map((row, context) -> AttachmentRows.toAttachment(row))
                .findOne());
    }

    @Override
    public Map<AttachmentId, Attachment> lock(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(LOCK)
                .bind("ids", SqlArrays.array("uuid", ids.stream().map(AttachmentId::value).distinct().toList()))
                .map((row, context) -> AttachmentRows.toAttachment(row))
                .list())
                .stream().collect(Collectors.toMap(Attachment::id, Function.identity()));
    }

    @Override
    public void markSent(Collection<Attachment> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate(MARK_SENT)
                .bind("ids", SqlArrays.array("uuid", sent.stream().map(attachment -> attachment.id().value()).toList()))
                .bind("messageIds", SqlArrays.array("uuid",
                        sent.stream().map(attachment -> attachment.sentIn().value()).toList()))
                .execute());
    }

    @Override
    public void keepAsEvidence(Collection<AttachmentId> ids, OrderId order) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate(KEEP_AS_EVIDENCE)
                .bind("order", order.value())
                .bind("ids", SqlArrays.array("uuid", ids.stream().map(AttachmentId::value).toList()))
                .execute());
    }

    @Override
    public Optional<AttachmentRoom> room(RoomId id) {
        return jdbi.withHandle(handle -> handle.createQuery(ROOM)
                .bind("id", id.value())
                .map((row, context) -> new AttachmentRoom(id,
                        Set.of(new UserId(row.getObject("member_low", UUID.class)),
                                new UserId(row.getObject("member_high", UUID.class))),
                        row.getBoolean("under_appeal")))
                .findOne());
    }

    @Override
    public List<Attachment> deleteUnused(Instant uploadedBefore, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(DELETE_UNUSED)
                .bind("before", Timestamps.utc(uploadedBefore))
                .bind("limit", limit)
                .map((row, context) -> AttachmentRows.toAttachment(row))
                .list());
    }
}
