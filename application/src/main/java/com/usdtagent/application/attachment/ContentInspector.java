package com.usdtagent.application.attachment;

import com.usdtagent.domain.attachment.AttachmentKind;

/** Finds what an upload is from its bytes, never its name or declared type, and makes it safe to hand to others. */
public interface ContentInspector {

    /**
     * @throws UnsupportedContent when the bytes are not a whole JPEG, PNG, WebP or PDF
     * @throws com.usdtagent.domain.shared.BusinessException {@code VALIDATION_FAILED} for an image with more pixels
     *         than allowed, found from its header before anything is decoded
     */
    Inspection inspect(ByteSource upload);

    /**
     * What to store of an upload.
     *
     * @param content   an image decoded and written again, its orientation applied and no metadata left; a PDF as sent
     * @param width     pixels as shown; null for a file
     * @param thumbnail null for a file
     */
    record Inspection(AttachmentKind kind, String mime, ByteSource content, Integer width, Integer height,
                      Thumbnail thumbnail) {
    }

    /** A small copy of an image, at most 320 pixels on its longer side. */
    record Thumbnail(String mime, ByteSource content) {
    }
}
