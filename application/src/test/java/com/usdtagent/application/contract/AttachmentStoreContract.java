package com.usdtagent.application.contract;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.AttachmentId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AttachmentStore}: bytes in and out as streams, one set per id and variant, deleted together. */
public abstract class AttachmentStoreContract {

    /** The store under test; a fresh one or a shared one, as ids never repeat. */
    protected abstract AttachmentStore store();

    @Test
    void bytesGoInAndOutAsStreamsPerVariant() throws IOException {
        AttachmentId id = AttachmentId.newId();
        byte[] original = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(original);
        byte[] thumbnail = "thumb".getBytes();

        store().put(id, Variant.ORIGINAL, new ByteArrayInputStream(original), original.length);
        store().put(id, Variant.THUMBNAIL, new ByteArrayInputStream(thumbnail), thumbnail.length);

        var read = store().open(id, Variant.ORIGINAL).orElseThrow();
        assertThat(read.size()).isEqualTo(original.length);
        try (InputStream content = read.content()) {
            assertThat(content.readAllBytes()).isEqualTo(original);
        }
        assertThat(bytes(id, Variant.THUMBNAIL)).isEqualTo(thumbnail);
        assertThat(store().open(AttachmentId.newId(), Variant.ORIGINAL)).isEmpty();
    }

    @Test
    void aSecondPutReplacesTheFirst() throws IOException {
        AttachmentId id = AttachmentId.newId();
        store().put(id, Variant.THUMBNAIL, new ByteArrayInputStream(new byte[] {9, 9, 9}), 3);
        store().put(id, Variant.THUMBNAIL, new ByteArrayInputStream(new byte[] {1, 2}), 2);

        assertThat(bytes(id, Variant.THUMBNAIL)).containsExactly(1, 2);
    }

    @Test
    void deletingRemovesEveryVariantAndMayBeRepeated() {
        AttachmentId id = AttachmentId.newId();
        AttachmentId other = AttachmentId.newId();
        for (AttachmentId each : new AttachmentId[] {id, other}) {
            store().put(each, Variant.ORIGINAL, new ByteArrayInputStream(new byte[] {1}), 1);
            store().put(each, Variant.THUMBNAIL, new ByteArrayInputStream(new byte[] {2}), 1);
        }

        store().delete(id);
        store().delete(id);

        assertThat(store().open(id, Variant.ORIGINAL)).isEmpty();
        assertThat(store().open(id, Variant.THUMBNAIL)).isEmpty();
        assertThat(store().open(other, Variant.ORIGINAL)).isPresent();
    }

    private byte[] bytes(AttachmentId id, Variant variant) throws IOException {
        try (InputStream content = store().open(id, variant).orElseThrow().content()) {
            return content.readAllBytes();
        }
    }
}
