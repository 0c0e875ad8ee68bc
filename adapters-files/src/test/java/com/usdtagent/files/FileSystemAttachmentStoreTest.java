package com.usdtagent.files;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.application.contract.AttachmentStoreContract;
import com.usdtagent.domain.attachment.AttachmentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemAttachmentStoreTest extends AttachmentStoreContract {

    @TempDir
    Path directory;

    @Override
    protected AttachmentStore store() {
        return FileStorage.attachmentsIn(directory.resolve("attachments"));
    }

    @Test
    void aStreamShorterThanItsSizeLeavesNoFileBehind() throws IOException {
        AttachmentId id = AttachmentId.newId();

        assertThatThrownBy(() -> store().put(id, Variant.ORIGINAL, new ByteArrayInputStream(new byte[10]), 11))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(store().open(id, Variant.ORIGINAL)).isEmpty();
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anotherStoreOnTheSameDirectoryServesTheSameFiles() {
        AttachmentId id = AttachmentId.newId();
        store().put(id, Variant.ORIGINAL, new ByteArrayInputStream(new byte[] {4, 2}), 2);

        assertThat(FileStorage.attachmentsIn(directory.resolve("attachments")).open(id, Variant.ORIGINAL)).isPresent();
    }
}
