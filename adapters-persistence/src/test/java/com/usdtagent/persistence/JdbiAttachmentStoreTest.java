package com.usdtagent.persistence;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.application.contract.AttachmentStoreContract;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** In PostgreSQL the bytes go with the transaction of the upload: a failed upload leaves none behind. */
    @Test
    void bytesWrittenInATransactionThatFailsAreNotKept() {
        AttachmentId id = AttachmentId.newId();
        assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
            store().put(id, Variant.ORIGINAL, new ByteArrayInputStream(new byte[] {1}), 1);
            throw new IllegalStateException("the upload failed after its bytes were written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().open(id, Variant.ORIGINAL)).isEmpty();
    }
}
