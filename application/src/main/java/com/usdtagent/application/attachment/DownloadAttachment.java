package com.usdtagent.application.attachment;

import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;

import java.io.InputStream;

/** {@code GET /files/{id}}: the bytes behind a signed link, to whoever holds one that has not expired. */
public interface DownloadAttachment {

    /**
     * @param expires   the link's {@code exp}, as it came
     * @param signature the link's {@code sig}, as it came
     * @throws com.usdtagent.domain.shared.BusinessException {@code FORBIDDEN} for a bad or expired link,
     *         {@code NOT_FOUND} for a file that is gone
     */
    Download download(AttachmentId id, Variant variant, String expires, String signature);

    /**
     * @param mime    the type the bytes were found to be
     * @param content the caller closes it
     */
    record Download(Attachment attachment, String mime, InputStream content, long size) {
    }
}
