package com.usdtagent.memory;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.contract.AttachmentStoreContract;

class MemoryAttachmentStoreTest extends AttachmentStoreContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.create();

    @Override
    protected AttachmentStore store() {
        return adapters.attachmentStore();
    }
}
