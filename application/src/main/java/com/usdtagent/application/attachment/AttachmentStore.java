package com.usdtagent.application.attachment;

import com.usdtagent.domain.attachment.AttachmentId;

import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes of the attachments, each under its id and variant, streamed in and out: a database, a disk or an object
 * store. Failures to read or write are {@link java.io.UncheckedIOException}s.
 */
public interface AttachmentStore {

    enum Variant {
        ORIGINAL, THUMBNAIL
    }

    /** The bytes as read back; the caller closes {@code content}. */
    record Stored(InputStream content, long size) {
    }

    /** Stores {@code size} bytes read from {@code content}, replacing any under the same id and variant. */
    void put(AttachmentId id, Variant variant, InputStream content, long size);

    /** Empty when nothing is stored under the id and variant. */
    Optional<Stored> open(AttachmentId id, Variant variant);

    /** Deletes every variant stored under the id; nothing stored is fine. */
    void delete(AttachmentId id);
}
