package com.usdtagent.persistence;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.contract.AttachmentStoreContract;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiAttachmentStoreTest extends AttachmentStoreContract {

    private static PostgresPersistence persistence;

    @BeforeAll
    static void openDatabase() {
        persistence = PostgresPersistence.open(TestDatabases.fresh(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeDatabase() {
        persistence.close();
    }

    @Override
    protected AttachmentStore store() {
        return persistence.attachmentStore();
    }
}
