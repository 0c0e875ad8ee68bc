package com.usdtagent.persistence;

import java.nio.file.Path;

/** The adapter's embedded PostgreSQL as a server for the test databases of {@code testing.TestDatabases}. */
public final class EmbeddedTestServer {

    private EmbeddedTestServer() {
    }

    /** Starts a server on {@code dataDirectory} that runs until the JVM exits; returns its postgres database. */
    public static JdbcTarget start(Path dataDirectory) {
        return EmbeddedDatabase.start(dataDirectory).target();
    }
}
