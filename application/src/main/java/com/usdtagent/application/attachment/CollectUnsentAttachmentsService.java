package com.usdtagent.application.attachment;

import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.attachment.Attachment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

public final class CollectUnsentAttachmentsService implements CollectUnsentAttachments {

    static final Duration UNSENT_LIFETIME = Duration.ofHours(1);
    private static final int BATCH = 100;

    private final Attachments attachments;
    private final AttachmentStore store;
    private final UploadQuotas quotas;
    private final Transactions transactions;
    private final Clock clock;

    public CollectUnsentAttachmentsService(Attachments attachments, AttachmentStore store, UploadQuotas quotas,
                                           Transactions transactions, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.quotas = quotas;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int collect() {
        Instant now = clock.instant();
        // the bytes go in the same transaction: in PostgreSQL with their rows; on a disk a failed commit leaves rows
        // without bytes, which nobody sent and the next round deletes
        List<Attachment> deleted = transactions.inTransaction(() -> {
            List<Attachment> unused = attachments.deleteUnused(now.minus(UNSENT_LIFETIME), BATCH);
            unused.forEach(attachment -> store.delete(attachment.id()));
            return unused;
        });
        quotas.forgetBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
        return deleted.size();
    }
}
