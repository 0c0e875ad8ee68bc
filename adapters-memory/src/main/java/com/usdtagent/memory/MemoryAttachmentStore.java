package com.usdtagent.memory;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.domain.attachment.AttachmentId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The attachments' bytes by id and variant, in the caller's transaction, as {@code JdbiAttachmentStore} keeps them. */
final class MemoryAttachmentStore implements AttachmentStore {

    private record Key(AttachmentId id, Variant variant) {
    }

    private final MemoryStore store;
    private final Table<Key, byte[]> bytes;

    MemoryAttachmentStore(MemoryStore store) {
        this.store = store;
        this.bytes = new Table<>(store);
    }

    @Override
    public void put(AttachmentId id, Variant variant, InputStream content, long size) {
        byte[] read;
        try {
            read = content.readNBytes(Math.toIntExact(size + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read.length != size) {
            throw new UncheckedIOException(new IOException("expected " + size + " bytes of " + id + ", got " + read.length));
        }
        store.atomically(() -> bytes.put(new Key(id, variant), read));
    }

    @Override
    public Optional<Stored> open(AttachmentId id, Variant variant) {
        return bytes.find(new Key(id, variant)).map(found -> new Stored(new ByteArrayInputStream(found), found.length));
    }

    @Override
    public void delete(AttachmentId id) {
        store.atomically(() -> {
            for (Variant variant : Variant.values()) {
                bytes.delete(new Key(id, variant));
            }
        });
    }
}
