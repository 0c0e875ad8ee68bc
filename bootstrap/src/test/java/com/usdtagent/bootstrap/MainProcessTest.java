package com.usdtagent.bootstrap;

import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server as an operator runs it: its own JVM, configured by the environment, stopped with SIGTERM. */
class MainProcessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aBadSettingStopsTheStartWithOneLineNamingTheVariable() throws Exception {
        Process process = launch(Map.of("SOCKET_PORT", "not-a-port"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(errors).doesNotContain("\n").contains("SOCKET_PORT");
    }

    @Test
    void withAnExternalDatabaseItServesAndStopsCleanlyOnSigterm() throws Exception {
        Path log = dataDir.resolve("server.log");
        int httpPort = FreePorts.next();
        Process process = launch(Map.of("DATABASE_URL", urlOf(TestDatabases.fresh()),
                "AUTH_JWT_SECRET", TestNode.JWT_SECRET, "HTTP_PORT", String.valueOf(httpPort),
                "SOCKET_PORT", String.valueOf(FreePorts.next()), "DATA_DIR", dataDir.toString()), log);
        try {
            awaitHealthy(httpPort);
        } finally {
            process.destroy(); // SIGTERM
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("stopped").doesNotContain(TestNode.JWT_SECRET);
    }

    @Test
    void withoutADatabaseUrlItRunsAnEmbeddedDatabaseWhoseDataSurvivesARestart() throws Exception {
        int httpPort = FreePorts.next();
        Map<String, String> env = Map.of("HTTP_PORT", String.valueOf(httpPort),
                "SOCKET_PORT", String.valueOf(FreePorts.next()), "DATA_DIR", dataDir.toString());

        Process first = launch(env, dataDir.resolve("first.log"));
        try {
            awaitHealthy(httpPort);
            assertThat(post(httpPort, "/api/auth/register",
                    "{\"username\":\"survivor\",\"phone\":\"+447911123456\",\"password\":\"password-1\",\"role\":\"agent\"}"))
                    .isEqualTo(201);
        } finally {
            first.destroy();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dataDir.resolve("auth-jwt-secret")).exists();
        assertThat(Files.readString(dataDir.resolve("first.log"))).contains("AUTH_JWT_SECRET is not set");

        Process second = launch(env, dataDir.resolve("second.log"));
        try {
            awaitHealthy(httpPort);
            assertThat(post(httpPort, "/api/auth/login", "{\"login\":\"survivor\",\"password\":\"password-1\"}"))
                    .isEqualTo(200);
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process launch(Map<String, String> env) throws IOException {
        return builder(env).start();
    }

    private static Process launch(Map<String, String> env, Path log) throws IOException {
        return builder(env).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static ProcessBuilder builder(Map<String, String> env) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        Map<String, String> environment = builder.environment();
        Map<String, String> keep = new HashMap<>();
        for (String name : new String[]{"PATH", "HOME", "JAVA_HOME", "TMPDIR"}) {
            if (System.getenv(name) != null) {
                keep.put(name, System.getenv(name));
            }
        }
        environment.clear();
        environment.putAll(keep);
        environment.putAll(env);
        return builder;
    }

    private static void awaitHealthy(int httpPort) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int post(int httpPort, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
