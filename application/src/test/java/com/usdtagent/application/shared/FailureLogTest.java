package com.usdtagent.application.shared;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLogTest {

    @Test
    void namesTheClassesAndTheSqlStateButNoMessage() {
        var driver = new SQLException("ERROR: invalid byte sequence; arguments: [fcm-device-token-123, +447911123456]",
                "22021");
        var failure = new IllegalStateException("statement failed with token fcm-device-token-123", driver);

        String line = FailureLog.describe(failure);

        assertThat(line).contains("IllegalStateException", "SQLException", "SQL state 22021", "FailureLogTest")
                .doesNotContain("fcm-device-token-123").doesNotContain("+447911123456");
    }
}
