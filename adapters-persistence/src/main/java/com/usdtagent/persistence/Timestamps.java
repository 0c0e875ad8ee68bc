package com.usdtagent.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code timestamptz} columns, which keep microseconds. */
final class Timestamps {

    private Timestamps() {
    }

    /** The form the driver binds to a {@code timestamptz} without going through the JVM's time zone. */
    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static OffsetDateTime utcOrNull(Instant at) {
        return at == null ? null : utc(at);
    }

    /** The column's instant, or null when the column is null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
