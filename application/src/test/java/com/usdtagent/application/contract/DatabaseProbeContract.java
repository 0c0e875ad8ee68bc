package com.usdtagent.application.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link com.usdtagent.application.health.DatabaseProbe}: the store answers while it is open, and not after. */
public abstract class DatabaseProbeContract {

    /** A fresh adapter, which the test closes. */
    protected abstract AdaptersUnderTest open();

    @Test
    void answersWhileTheStoreIsOpenAndNotAfterClose() {
        AdaptersUnderTest adapters = open();

        assertThat(adapters.databaseProbe().answers()).isTrue();

        adapters.close();
        assertThat(adapters.databaseProbe().answers()).isFalse();
    }
}
