package com.usdtagent.persistence.testing;

import com.usdtagent.persistence.EmbeddedTestServer;
import com.usdtagent.persistence.JdbcTarget;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Empty databases for tests, one per call, on a server chosen once per JVM: the server in {@code TEST_DATABASE_URL}
 * when set, else a PostgreSQL container when Docker answers, else an embedded PostgreSQL under {@code target/}.
 */
public final class TestDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");

    private static final List<String> created = new ArrayList<>();
    private static JdbcTarget server;

    private TestDatabases() {
    }

    public static synchronized JdbcTarget fresh() {
        if (server == null) {
            server = startServer();
        }
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute(server, "CREATE DATABASE " + name);
        created.add(name);
        return new JdbcTarget(withDatabase(server.url(), name), server.user(), server.password());
    }

    /** Plain SQL on a test database, beside the adapter under test: a connection of its own a handle, no pool. */
    public static Jdbi jdbi(JdbcTarget target) {
        return Jdbi.create(() -> DriverManager.getConnection(target.url(), target.user(), target.password()))
                .installPlugin(new PostgresPlugin());
    }

    private static JdbcTarget startServer() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            JdbcTarget target = JdbcTarget.parse(url);
            LOG.info("Test databases are created on TEST_DATABASE_URL {}", target);
            // other runs may share that server, so only this JVM's databases are dropped
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(target, createdSoFar())));
            return target;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            LOG.info("Test databases are created in a PostgreSQL container");
            return new JdbcTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        // One data directory for every run of a module's tests, so only the first run pays for initdb. Its lock
        // keeps the server to this JVM, so what earlier runs left can all go. The server stops when the JVM exits.
        JdbcTarget target = startEmbedded(Path.of("target", "test-postgres"));
        drop(target, testDatabasesOn(target));
        LOG.info("Test databases are created in an embedded PostgreSQL (no TEST_DATABASE_URL, no Docker)");
        return target;
    }

    /**
     * A data directory the server cannot start on, typically one an earlier PostgreSQL major version made before the
     * binaries were upgraded, holds nothing but test databases, so it is made anew.
     */
    private static JdbcTarget startEmbedded(Path dataDirectory) {
        try {
            return EmbeddedTestServer.start(dataDirectory);
        } catch (UncheckedIOException e) {
            LOG.warn("The embedded PostgreSQL does not start on {}; starting over with a new data directory",
                    dataDirectory, e);
            deleteRecursively(dataDirectory);
            return EmbeddedTestServer.start(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            // children before their parents
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    private static synchronized List<String> createdSoFar() {
        return List.copyOf(created);
    }

    private static List<String> testDatabasesOn(JdbcTarget target) {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(target);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the databases on " + target, e);
        }
        return names;
    }

    private static void drop(JdbcTarget target, List<String> databases) {
        for (String database : databases) {
            try {
                // FORCE ends the connections pools left open
                execute(target, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                LOG.warn("Could not drop the test database {}", database, e);
            }
        }
    }

    private static void execute(JdbcTarget target, String sql) {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + target, e);
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    private static String withDatabase(String jdbcUrl, String database) {
        Matcher matcher = DATABASE_IN_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Cannot find the database name in the test database URL");
        }
        return matcher.group(1) + database + matcher.group(3);
    }
}
