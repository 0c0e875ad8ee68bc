package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The server in a JVM of its own, configured by nothing but the environment given here, as an operator runs it. */
final class ServerProcess {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerProcess() {
    }

    static Process launch(Map<String, String> env) throws IOException {
        return builder(env).start();
    }

    static Process launch(Map<String, String> env, Path log) throws IOException {
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

    static void awaitHealthy(int httpPort) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** POSTs JSON and returns the status and the body read as JSON (null when empty). */
    static Reply post(int httpPort, String path, String body) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode json) {
    }
}
