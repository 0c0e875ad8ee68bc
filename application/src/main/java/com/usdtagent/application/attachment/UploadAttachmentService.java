package com.usdtagent.application.attachment;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.application.attachment.ContentInspector.Inspection;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

public final class UploadAttachmentService implements UploadAttachment {

    private static final System.Logger log = System.getLogger(UploadAttachmentService.class.getName());

    /** @param dailyBytes the most bytes one user uploads in a day (UTC) */
    public record Limits(long maxBytes, long dailyBytes) {
    }

    private final Attachments attachments;
    private final AttachmentStore store;
    private final ContentInspector inspector;
    private final UploadQuotas quotas;
    private final Transactions transactions;
    private final Clock clock;
    private final Limits limits;

    public UploadAttachmentService(Attachments attachments, AttachmentStore store, ContentInspector inspector,
                                   UploadQuotas quotas, Transactions transactions, Clock clock, Limits limits) {
        this.attachments = attachments;
        this.store = store;
        this.inspector = inspector;
        this.quotas = quotas;
        this.transactions = transactions;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public long maxBytes() {
        return limits.maxBytes();
    }

    @Override
    public void admit(AuthenticatedUser uploader, RoomId roomId) {
        admit(uploader, roomId, 1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private void admit(AuthenticatedUser uploader, RoomId roomId, long size, LocalDate today) {
        attachments.room(roomId).filter(room -> room.hasMember(uploader.id()))
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such room"));
        if (quotas.used(uploader.id(), today) + size > limits.dailyBytes()) {
            throw overQuota();
        }
    }

    @Override
    public Attachment upload(AuthenticatedUser uploader, Command command) {
        long size = command.content().size();
        if (size > limits.maxBytes()) {
            throw new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than " + limits.maxBytes() + " bytes");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // before the costly decoding; the quota is charged again, atomically, below
        admit(uploader, command.roomId(), size, today);
        Inspection inspected = inspector.inspect(command.content());
        var attachment = new Attachment(AttachmentId.newId(), command.roomId(), uploader.id(), inspected.kind(),
                inspected.mime(), Attachment.cleanName(command.name()), inspected.content().size(), inspected.width(),
                inspected.height(), inspected.thumbnail() == null ? null : inspected.thumbnail().mime(), now, null);
        try {
            transactions.inTransaction(() -> {
                if (!quotas.charge(uploader.id(), today, size, limits.dailyBytes())) {
                    throw overQuota();
                }
                attachments.add(attachment);
                put(attachment.id(), Variant.ORIGINAL, inspected.content());
                if (inspected.thumbnail() != null) {
                    put(attachment.id(), Variant.THUMBNAIL, inspected.thumbnail().content());
                }
                return null;
            });
        } catch (RuntimeException failure) {
            forgetBytes(attachment.id()); // a disk or object store keeps what it wrote, whatever the transaction did
            throw failure;
        }
        return attachment;
    }

    private void put(AttachmentId id, Variant variant, ByteSource bytes) {
        try (InputStream content = bytes.open()) {
            store.put(id, variant, content, bytes.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forgetBytes(AttachmentId id) {
        try {
            store.delete(id);
        } catch (RuntimeException failure) {
            log.log(System.Logger.Level.WARNING, "could not delete the bytes of failed upload " + id, failure);
        }
    }

    private static BusinessException overQuota() {
        return new BusinessException(ErrorCode.RATE_LIMITED, "Your uploads of today reached the daily limit");
    }
}
