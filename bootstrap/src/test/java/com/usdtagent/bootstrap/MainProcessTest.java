package com.usdtagent.bootstrap;

import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server as an operator runs it: its own JVM, configured by the environment, stopped with SIGTERM. */
class MainProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void aBadSettingStopsTheStartWithOneLineNamingTheVariable() throws Exception {
        Process process = ServerProcess.launch(Map.of("SOCKET_PORT", "not-a-port"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(errors).doesNotContain("\n").contains("SOCKET_PORT");
    }

    @Test
    void withAnExternalDatabaseItServesAndStopsCleanlyOnSigterm() throws Exception {
        Path log = dataDir.resolve("server.log");
        int httpPort = FreePorts.next();
        Process process = ServerProcess.launch(Map.of("DATABASE_URL", urlOf(TestDatabases.fresh()),
                "AUTH_JWT_SECRET", TestNode.JWT_SECRET, "HTTP_PORT", String.valueOf(httpPort),
                "SOCKET_PORT", String.valueOf(FreePorts.next()), "DATA_DIR", dataDir.toString()), log);
        try {
            ServerProcess.awaitHealthy(httpPort);
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("stopped").doesNotContain(TestNode.JWT_SECRET);
        String stopping = output.substring(output.indexOf("stopping"));
        assertThat(stopping).as("a quiet stop: no warnings, no stack traces")
                .doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withTheSocketPortTakenItExitsWithOneLineInsteadOfHanging() throws Exception {
        Path log = dataDir.resolve("taken.log");
        try (var taken = new ServerSocket(0)) {
            Process process = ServerProcess.launch(Map.of("DATABASE_URL", urlOf(TestDatabases.fresh()),
                    "AUTH_JWT_SECRET", TestNode.JWT_SECRET, "HTTP_PORT", String.valueOf(FreePorts.next()),
                    "SOCKET_PORT", String.valueOf(taken.getLocalPort()), "DATA_DIR", dataDir.toString()), log);
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
            } finally {
                process.destroyForcibly();
            }
            assertThat(process.exitValue()).isNotZero();
        }
        String output = Files.readString(log);
        assertThat(output.lines().filter(line -> line.contains("Cannot start")))
                .singleElement().asString().contains(String.valueOf("Socket.IO"));
        assertThat(output).doesNotContain("\tat ").doesNotContain("BindException:");
    }

    @Test
    void withoutADatabaseUrlItRunsAnEmbeddedDatabaseWhoseDataSurvivesARestart() throws Exception {
        int httpPort = FreePorts.next();
        Map<String, String> env = Map.of("HTTP_PORT", String.valueOf(httpPort),
                "SOCKET_PORT", String.valueOf(FreePorts.next()), "DATA_DIR", dataDir.toString());

        Process first = ServerProcess.launch(env, dataDir.resolve("first.log"));
        try {
            ServerProcess.awaitHealthy(httpPort);
            assertThat(ServerProcess.post(httpPort, "/api/auth/register",
                    "{\"username\":\"survivor\",\"phone\":\"+447911123456\",\"password\":\"password-1\",\"role\":\"agent\"}").status())
                    .isEqualTo(201);
        } finally {
            first.destroy();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dataDir.resolve("auth-jwt-secret")).exists();
        assertThat(Files.readString(dataDir.resolve("first.log"))).contains("AUTH_JWT_SECRET is not set");

        Process second = ServerProcess.launch(env, dataDir.resolve("second.log"));
        try {
            ServerProcess.awaitHealthy(httpPort);
            assertThat(ServerProcess.post(httpPort, "/api/auth/login", "{\"login\":\"survivor\",\"password\":\"password-1\"}").status())
                    .isEqualTo(200);
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    static String urlOf(JdbcTarget target) {
        if (target.user() == null) {
            return target.url();
        }
        String separator = target.url().contains("?") ? "&" : "?";
        String credentials = "user=" + URLEncoder.encode(target.user(), StandardCharsets.UTF_8)
                + (target.password() == null ? "" : "&password=" + URLEncoder.encode(target.password(), StandardCharsets.UTF_8));
        return target.url() + separator + credentials;
    }
}
