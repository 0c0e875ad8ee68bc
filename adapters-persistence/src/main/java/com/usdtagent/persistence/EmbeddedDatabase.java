package com.usdtagent.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server run by this process, for a start without a database URL. Its data stays on disk between
 * runs, so accounts survive a restart.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    // the names zonky's EmbeddedPostgres and PostgreSQL give these files
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String POSTMASTER_PID_FILE = "postmaster.pid";
    private static final long LEFTOVER_SHUTDOWN_SECONDS = 30;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts on a free port; creates the data directory {@code dataDirectory/postgres} on the first start only. */
    static EmbeddedDatabase start(Path dataDirectory) {
        Path postgresDirectory = dataDirectory.toAbsolutePath().resolve("postgres");
        LOG.info("Starting the embedded PostgreSQL; its data lives in {}", postgresDirectory);
        try {
            Files.createDirectories(postgresDirectory);
            stopLeftoverServer(postgresDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresDirectory)
                    .setCleanDataDirectory(false)
                    // zonky turns these off for speed in tests; this data is meant to last
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + postgresDirectory, e);
        }
    }

    /**
     * A process killed without its shutdown hooks leaves its server running, holding the data directory, and
     * the next start would fail. Zonky's lock file tells a dead owner from a live one.
     */
    private static void stopLeftoverServer(Path postgresDirectory) throws IOException {
        Path lockFile = postgresDirectory.resolve(ZONKY_LOCK_FILE);
        Optional<ProcessHandle> leftover = postmasterOf(postgresDirectory);
        if (leftover.isEmpty() || !Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(postgresDirectory + " is used by another running process");
            }
            LOG.warn("Stopping the PostgreSQL server (pid {}) an earlier run left running on {}",
                    leftover.get().pid(), postgresDirectory);
            // SIGTERM asks for a smart shutdown; its clients died with the earlier run
            leftover.get().destroy();
            leftover.get().onExit().get(LEFTOVER_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a leftover PostgreSQL server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not stop the PostgreSQL server left running on " + postgresDirectory, e);
        }
    }

    /** The server process named in the data directory's pid file, if it still runs. */
    private static Optional<ProcessHandle> postmasterOf(Path postgresDirectory) throws IOException {
        Path pidFile = postgresDirectory.resolve(POSTMASTER_PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("[0-9]+")) {
            return Optional.empty();
        }
        // a stale file whose pid now belongs to another program is left to PostgreSQL, which handles it
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
    }

    /** The {@code postgres} database as the {@code postgres} superuser; the server trusts local connections. */
    JdbcTarget target() {
        return new JdbcTarget("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}
