package com.usdtagent.application.attachment;

import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The descriptions of the uploaded files; their bytes are in the {@link AttachmentStore}. Joins the caller's transaction. */
public interface Attachments {

    void add(Attachment attachment);

    Optional<Attachment> findById(AttachmentId id);

    /**
     * Reads the attachments that exist among {@code ids} and holds their row locks until the transaction ends, so that
     * two sends of one attachment take turns and the second finds it sent.
     */
    Map<AttachmentId, Attachment> lock(Collection<AttachmentId> ids);

    /** Records the message each of these attachments went out in ({@link Attachment#sentIn()}). */
    void markSent(Collection<Attachment> sent);

    /** Keeps these attachments as the evidence of an order's appeal, so that they are never collected. */
    void keepAsEvidence(Collection<AttachmentId> ids, OrderId order);

    /** Who may open the files of a room; empty for an unknown room. */
    Optional<AttachmentRoom> room(RoomId id);

    /**
     * Deletes up to {@code limit} attachments uploaded before {@code uploadedBefore} that no message and no appeal
     * uses, skipping those another transaction holds, and returns them.
     */
    List<Attachment> deleteUnused(Instant uploadedBefore, int limit);
}
