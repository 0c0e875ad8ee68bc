package com.usdtagent.application.attachment;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class OpenAttachmentService implements OpenAttachment {

    private final Attachments attachments;
    private final AttachmentLinks links;

    public OpenAttachmentService(Attachments attachments, AttachmentLinks links) {
        this.attachments = attachments;
        this.links = links;
    }

    @Override
    public String open(AuthenticatedUser viewer, AttachmentId id) {
        Attachment attachment = attachments.findById(id)
                .filter(found -> attachments.room(found.roomId()).map(room -> room.opensTo(viewer)).orElse(false))
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such attachment"));
        return links.link(attachment.id(), Variant.ORIGINAL);
    }
}
