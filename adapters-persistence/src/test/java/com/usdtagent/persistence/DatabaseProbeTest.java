package com.usdtagent.persistence;

import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseProbeTest {

    @Test
    void answersWhileTheDatabaseIsOpenAndNotAfterClose() {
        PostgresPersistence persistence = PostgresPersistence.open(TestDatabases.fresh(), new SimpleMeterRegistry());

        assertThat(persistence.databaseProbe().answers()).isTrue();

        persistence.close();
        assertThat(persistence.databaseProbe().answers()).isFalse();
    }
}
