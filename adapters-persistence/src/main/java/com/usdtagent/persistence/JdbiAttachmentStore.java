package com.usdtagent.persistence;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.domain.attachment.AttachmentId;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes of attachments in {@code attachment_blob}, one {@code bytea} per variant: written straight from the
 * stream the driver reads while it sends, read back as one array (a file is at most ATTACHMENT_MAX_BYTES). Joins
 * the caller's transaction when there is one.
 */
final class JdbiAttachmentStore implements AttachmentStore {

    private static final String PUT = """
            INSERT INTO attachment_blob (attachment_id, variant, bytes) VALUES (:id, :variant, :bytes)
            ON CONFLICT (attachment_id, variant) DO UPDATE SET bytes = EXCLUDED.bytes
            """;
    private static final String OPEN = "SELECT bytes FROM attachment_blob WHERE attachment_id = :id AND variant = :variant";
    private static final String DELETE = "DELETE FROM attachment_blob WHERE attachment_id = :id";

    private final Jdbi jdbi;

    JdbiAttachmentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void put(AttachmentId id, Variant variant, InputStream content, long size) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a bytea holds less than 2 GiB");
        }
        jdbi.useHandle(handle -> handle.createUpdate(PUT)
                .bind("id", id.value())
                .bind("variant", variant.name())
                .bindBinaryStream("bytes", content, (int) size)
                .execute());
    }

    @Override
    public Optional<Stored> open(AttachmentId id, Variant variant) {
        return jdbi.withHandle(handle -> handle.createQuery(OPEN)
                .bind("id", id.value())
                .bind("variant", variant.name())
                .map((row, context) -> row.getBytes("bytes"))
                .findOne()
                .map(bytes -> new Stored(new ByteArrayInputStream(bytes), bytes.length)));
    }

    @Override
    public void delete(AttachmentId id) {
        jdbi.useHandle(handle -> handle.createUpdate(DELETE).bind("id", id.value()).execute());
    }
}
