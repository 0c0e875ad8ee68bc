package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP client for the API of a server on this port, in this JVM ({@link TestNode}) or in a process of its own. */
class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PHONE_SEQUENCE = new AtomicInteger();

    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();

    HttpApi(int httpPort) {
        this.httpPort = httpPort;
    }

    int httpPort() {
        return httpPort;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Response post(String path, String jsonBody, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A POST with an {@code Idempotency-Key} header. */
    Response post(String path, String jsonBody, String token, String idempotencyKey) {
        return send(request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A multipart upload of one part named {@code file}, as a browser's form or a phone's upload sends it. */
    Response upload(String path, String token, String filename, String contentType, byte[] content) {
        String boundary = "----upload" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, token).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET whose answer is bytes, with every header: a file, or a redirect to one. */
    HttpResponse<byte[]> fetch(String path, String token) {
        try {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response patch(String path, String jsonBody, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** The token of the admin account {@link TestNode#ADMIN_USERNAME} the server creates at start. */
    String adminToken() {
        var response = post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(TestNode.ADMIN_USERNAME, TestNode.ADMIN_PASSWORD), null);
        return response.json().path("token").asText();
    }

    /** The value of a counter on this server's {@code /metrics}; 0 before it first counts. */
    double metric(String name) {
        return get("/metrics", null).body().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Registers an account with a unique phone number and returns its token and id. */
    Account register(String username, String role) {
        String phone = "+4479111" + String.format("%05d", PHONE_SEQUENCE.incrementAndGet());
        var response = post("/api/auth/register", """
                {"username":"%s","phone":"%s","password":"password-%s","role":"%s"}""".formatted(username, phone, username, role), null);
        if (response.status() != 201) {
            throw new IllegalStateException("register " + username + " failed: " + response.status() + " " + response.body());
        }
        return new Account(response.json().path("user").path("id").asText(), username, phone,
                response.json().path("token").asText());
    }

    HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Account(String id, String username, String phone, String token) {
    }

    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
