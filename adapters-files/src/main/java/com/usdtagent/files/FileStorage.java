package com.usdtagent.files;

import com.usdtagent.application.attachment.AttachmentStore;

import java.nio.file.Path;

/** The filesystem adapter, for the bootstrap to wire. */
public final class FileStorage {

    private FileStorage() {
    }

    /** The attachments' bytes under {@code directory}, which is created when missing. */
    public static AttachmentStore attachmentsIn(Path directory) {
        return new FileSystemAttachmentStore(directory);
    }
}
