package com.usdtagent.push.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for FCM's HTTP v1 API and Google's OAuth token endpoint, so that tests run firebase-admin's real
 * client. It records every send's body and answers per device token as scripted, success by default. It can go
 * down and come back up on the same port.
 */
public final class FakeFcm implements AutoCloseable {

    public static final String PROJECT_ID = "usdt-agent-test";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    /** One way of answering a send. */
    public record Answer(int status, String body) {
        public static final Answer OK = new Answer(200, "{\"name\": \"projects/" + PROJECT_ID + "/messages/1\"}");
        public static final Answer UNREGISTERED = error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
        public static final Answer INVALID_TOKEN = error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                "The registration token is not a valid FCM registration token");
        public static final Answer INVALID_PAYLOAD = error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                "Invalid value at 'message.data[0].value' (TYPE_STRING)");
        public static final Answer UNAVAILABLE = error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.");

        /** An error in FCM's format: a Google API error with an FcmError detail. */
        static Answer error(int status, String googleStatus, String fcmCode, String message) {
            return new Answer(status, """
                    {"error": {"code": %d, "message": "%s", "status": "%s", "details": [
                      {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "%s"}]}}
                    """.formatted(status, message, googleStatus, fcmCode));
        }
    }

    /** One send FCM received. */
    public record Received(String path, String authorization, String body, String token) {
    }

    /** A queue, not a copy-on-write list: the load test sends it hundreds of thousands. */
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private final int port;
    private HttpServer server;

    public FakeFcm() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    /** Where firebase-admin's requests go: the value of FCM_ENDPOINT. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The next sends to {@code deviceToken} get these answers, in order; after them, success. */
    public void script(String deviceToken, Answer... answers) {
        scripts.computeIfAbsent(deviceToken, token -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** Every send is answered this much later; for widening races. */
    public void delayEachSend(Duration delay) {
        this.delay = delay;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String deviceToken) {
        return received.stream().filter(r -> deviceToken.equals(r.token())).toList();
    }

    /** Forgets every send received so far and says how many they were: a long load keeps the fake's memory flat. */
    public int forgetReceived() {
        int forgotten = 0;
        while (received.poll() != null) {
            forgotten++;
        }
        return forgotten;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Stops answering: connections are refused, as when FCM is out of reach. */
    public synchronized void goDown() {
        server.stop(0);
    }

    public synchronized void comeBack() {
        server = listen(port);
    }

    /**
     * A service account JSON whose {@code token_uri} is this server, with a throwaway RSA key, written to a
     * temporary file: the value of FCM_CREDENTIALS_FILE.
     */
    public Path serviceAccountFile() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            String json = """
                    {"type": "service_account", "project_id": "%s", "private_key_id": "test-key-1",
                     "private_key": "%s", "client_email": "push@%s.iam.gserviceaccount.com", "client_id": "1",
                     "token_uri": "%s/token"}
                    """.formatted(PROJECT_ID, pem.replace("\n", "\\n"), PROJECT_ID, endpoint());
            Path file = Files.createTempFile("fcm-service-account", ".json");
            Files.writeString(file, json);
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            http.createContext("/token", this::token);
            http.createContext("/v1/projects/", this::send);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        respond(exchange, new Answer(200, "{\"access_token\": \"fake-access-token\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"));
    }

    private void send(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher token = TOKEN.matcher(body);
        String deviceToken = token.find() ? token.group(1) : null;
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body, deviceToken));
        sleep(delay);
        Queue<Answer> script = deviceToken == null ? null : scripts.get(deviceToken);
        Answer answer = script == null ? null : script.poll();
        respond(exchange, answer == null ? Answer.OK : answer);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
