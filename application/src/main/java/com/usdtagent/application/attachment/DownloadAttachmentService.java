package com.usdtagent.application.attachment;

import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class DownloadAttachmentService implements DownloadAttachment {

    private final Attachments attachments;
    private final AttachmentStore store;
    private final AttachmentLinks links;

    public DownloadAttachmentService(Attachments attachments, AttachmentStore store, AttachmentLinks links) {
        this.attachments = attachments;
        this.store = store;
        this.links = links;
    }

    @Override
    public Download download(AttachmentId id, Variant variant, String expires, String signature) {
        links.requireValid(id, variant, expires, signature);
        Attachment attachment = attachments.findById(id).orElseThrow(DownloadAttachmentService::gone);
        String mime = variant == Variant.ORIGINAL ? attachment.mime() : attachment.thumbnailMime();
        if (mime == null) {
            throw gone();
        }
        var stored = store.open(id, variant).orElseThrow(DownloadAttachmentService::gone);
        return new Download(attachment, mime, stored.content(), stored.size());
    }

    private static BusinessException gone() {
        return new BusinessException(ErrorCode.NOT_FOUND, "No such file");
    }
}
