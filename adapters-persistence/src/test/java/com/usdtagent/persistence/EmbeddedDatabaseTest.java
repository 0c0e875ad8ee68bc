package com.usdtagent.persistence;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.usdtagent.persistence.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataAcrossARestart() {
        UserAccount lena = account("lena", "+14155550301", Role.USER);

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
             PostgresPersistence persistence = PostgresPersistence.open(database.target(), new SimpleMeterRegistry())) {
            persistence.userAccounts().add(lena);
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
             PostgresPersistence persistence = PostgresPersistence.open(database.target(), new SimpleMeterRegistry())) {
            assertThat(persistence.userAccounts().findById(lena.id())).contains(lena);
        }
        assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void startsAfterAProcessWasKilledWithItsServerRunning() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledOwner.class.getName(), dataDirectory.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        try {
            awaitFile(dataDirectory.resolve("started"), Duration.ofSeconds(60));
        } finally {
            // SIGKILL: no shutdown hook runs, the server it started keeps running
            owner.destroyForcibly().waitFor();
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
             PostgresPersistence persistence = PostgresPersistence.open(database.target(), new SimpleMeterRegistry())) {
            assertThat(persistence.databaseProbe().answers()).isTrue();
        }
    }

    private static void awaitFile(Path file, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(file)) {
            assertThat(Instant.now()).as("waiting for " + file).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Run in a separate JVM: starts the server, says so with a file, and waits to be killed. */
    static final class KilledOwner {

        public static void main(String[] args) throws Exception {
            Path dataDirectory = Path.of(args[0]);
            EmbeddedDatabase.start(dataDirectory);
            Files.createFile(dataDirectory.resolve("started"));
            Thread.sleep(Duration.ofMinutes(5));
        }
    }
}
