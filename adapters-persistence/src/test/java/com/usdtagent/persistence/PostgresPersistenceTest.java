package com.usdtagent.persistence;

import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresPersistenceTest {

    @Test
    void publishesThePoolMetrics() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (PostgresPersistence persistence = PostgresPersistence.open(TestDatabases.fresh(), registry, 4)) {
            assertThat(persistence.databaseProbe().answers()).isTrue();
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "usdt-agent").gauge().value())
                    .isEqualTo(4);
        }
    }

    @Test
    void failsAtOnceWhenTheSchemaCannotBeMigrated() throws SQLException {
        JdbcTarget target = TestDatabases.fresh();
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE user_account (id int)");
        }

        assertThatThrownBy(() -> PostgresPersistence.open(target, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Database migration failed");
    }

    @Test
    void failsAtOnceWithoutLeakingThePassword() {
        // port 1 is reserved and nothing listens on it
        JdbcTarget nowhere = new JdbcTarget("jdbc:postgresql://127.0.0.1:1/none", "someone", "s3cret");

        assertThatThrownBy(() -> PostgresPersistence.open(nowhere, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to the database")
                .hasMessageNotContaining("s3cret");
    }
}
