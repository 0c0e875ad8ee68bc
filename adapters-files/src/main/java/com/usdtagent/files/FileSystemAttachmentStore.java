package com.usdtagent.files;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.domain.attachment.AttachmentId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * One file per attachment and variant, {@code <dir>/<first two hex digits of the id>/<id>.<variant>}, so that no
 * directory grows to millions of entries. A file is written under a temporary name and moved into place, so a reader
 * never sees half of one, and forced to the disk before the upload is acknowledged. For several nodes the directory
 * must be shared (NFS, a mounted volume).
 */
final class FileSystemAttachmentStore implements AttachmentStore {

    private final Path root;

    FileSystemAttachmentStore(Path root) {
        try {
            this.root = Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachment directory " + root, e);
        }
    }

    @Override
    public void put(AttachmentId id, Variant variant, InputStream content, long size) {
        Path target = pathOf(id, variant);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            try {
                try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    long written = file.transferFrom(Channels.newChannel(content), 0, size + 1);
                    if (written != size) {
                        throw new IOException("expected " + size + " bytes of " + id + ", got " + written);
                    }
                    file.force(true);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Stored> open(AttachmentId id, Variant variant) {
        try {
            // the size of the file opened, whatever happens to its name meanwhile
            SeekableByteChannel file = Files.newByteChannel(pathOf(id, variant));
            return Optional.of(new Stored(Channels.newInputStream(file), file.size()));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(AttachmentId id) {
        try {
            for (Variant variant : Variant.values()) {
                Files.deleteIfExists(pathOf(id, variant));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rename reaches the disk too: an upload acknowledged is not lost with the power. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel entries = FileChannel.open(directory, StandardOpenOption.READ)) {
            entries.force(true);
        }
    }

    private Path pathOf(AttachmentId id, Variant variant) {
        String name = id.value().toString();
        return root.resolve(name.substring(0, 2)).resolve(name + "." + variant.name().toLowerCase(Locale.ROOT));
    }
}
