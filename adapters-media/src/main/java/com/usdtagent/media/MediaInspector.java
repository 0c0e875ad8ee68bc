package com.usdtagent.media;

import com.usdtagent.application.attachment.ByteSource;
import com.usdtagent.application.attachment.ContentInspector;
import com.usdtagent.application.attachment.UnsupportedContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Tells the type from the first bytes, then has an image written again or a PDF checked whole. */
final class MediaInspector implements ContentInspector {

    private final ImageRewriter images;
    private final PdfCheck pdfs;

    MediaInspector(ImageRewriter images, PdfCheck pdfs) {
        this.images = images;
        this.pdfs = pdfs;
    }

    @Override
    public Inspection inspect(ByteSource upload) {
        Format format = Format.sniff(head(upload))
                .orElseThrow(() -> new UnsupportedContent("is not a JPEG, PNG, WebP or PDF"));
        return format == Format.PDF ? pdfs.check(upload) : images.rewrite(upload, format);
    }

    private static byte[] head(ByteSource upload) {
        try (InputStream content = upload.open()) {
            return content.readNBytes(Format.HEAD_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
