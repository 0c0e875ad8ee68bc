package com.usdtagent.memory;

import com.usdtagent.application.attachment.AttachmentRoom;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.trade.Orders;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Attachments by id, as {@code JdbiAttachments}; a room's members and appeals come from the chat and order ports. */
final class MemoryAttachments implements Attachments {

    /** A row: the attachment, and the order whose appeal keeps it as evidence (null for none). */
    private record Row(Attachment attachment, OrderId evidenceOf) {

        boolean unused() {
            return attachment.sentIn() == null && evidenceOf == null;
        }
    }

    private final MemoryStore store;
    private final ChatRooms rooms;
    private final Orders orders;
    private final Table<AttachmentId, Row> attachments;

    MemoryAttachments(MemoryStore store, ChatRooms rooms, Orders orders) {
        this.store = store;
        this.rooms = rooms;
        this.orders = orders;
        this.attachments = new Table<>(store);
    }

    @Override
    public void add(Attachment attachment) {
        store.atomically(() -> attachments.insert(attachment.id(), new Row(attachment, null)));
    }

    @Override
    public Optional<Attachment> findById(AttachmentId id) {
        return attachments.find(id).map(Row::attachment);
    }

    @Override
    public Map<AttachmentId, Attachment> lock(Collection<AttachmentId> ids) {
        // in id order, as the SQL locks them, so that two sends locking overlapping files cannot deadlock
        return store.atomically(() -> {
            Map<AttachmentId, Attachment> locked = new HashMap<>();
            ids.stream().distinct().sorted(Comparator.comparing(AttachmentId::value, Uuids.POSTGRES_ORDER))
                    .forEach(id -> attachments.lock(id).ifPresent(row -> locked.put(id, row.attachment())));
            return locked;
        });
    }

    @Override
    public void markSent(Collection<Attachment> sent) {
        store.atomically(() -> sent.forEach(attachment -> attachments.lock(attachment.id()).ifPresent(row ->
                attachments.put(attachment.id(), new Row(row.attachment().sentIn(attachment.sentIn()), row.evidenceOf())))));
    }

    @Override
    public void keepAsEvidence(Collection<AttachmentId> ids, OrderId order) {
        store.atomically(() -> ids.forEach(id -> attachments.lock(id).ifPresent(row ->
                attachments.put(id, new Row(row.attachment(), order)))));
    }

    @Override
    public Optional<AttachmentRoom> room(RoomId id) {
        // every order of a room is between its two members
        return rooms.findById(id).map(room -> new AttachmentRoom(id, Set.of(room.firstMember(), room.secondMember()),
                !orders.listInRoom(room.firstMember(), id, Optional.of(OrderStatus.APPEAL), 1).isEmpty()));
    }

    @Override
    public List<Attachment> deleteUnused(Instant uploadedBefore, int limit) {
        return store.atomically(() -> {
            List<Row> unused = attachments.claim(row -> row.unused() && row.attachment().createdAt().isBefore(uploadedBefore),
                    Comparator.comparing(row -> row.attachment().createdAt()), limit);
            unused.forEach(row -> attachments.delete(row.attachment().id()));
            return unused.stream().map(Row::attachment).toList();
        });
    }
}
