package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONException;
import org.json.JSONObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real socket.io-client (v4 protocol) that records every event it receives, for assertions and privacy scans. */
final class SocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    record Received(String event, JsonNode payload) {
    }

    private final Socket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JsonNode> connectError = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    private SocketClient(URI uri, String token, String transport) {
        var options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(new String[]{transport})
                .setAuth(token == null ? null : Map.of("token", token))
                .build();
        socket = IO.socket(uri, options);
        socket.onAnyIncoming(args -> received.add(new Received((String) args[0], args.length > 1 ? toJson(args[1]) : null)));
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectError.complete(args.length > 0 ? toJson(args[0]) : null));
        socket.connect();
    }

    /** Connects over websocket and waits until the server accepted the token. */
    static SocketClient connect(URI uri, String token) {
        var client = new SocketClient(uri, token, WebSocket.NAME);
        client.connected.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return client;
    }

    /** Starts connecting and returns at once; for refused connections. */
    static SocketClient attempt(URI uri, String token, String transport) {
        return new SocketClient(uri, token, transport);
    }

    JsonNode awaitConnectError() {
        return connectError.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    boolean isConnected() {
        return socket.connected();
    }

    /** Emits an event with an ack callback and waits for the ack. */
    JsonNode call(String event, String payloadJson) {
        return callAsync(event, payloadJson).join();
    }

    /** Emits an event with an ack callback; the future completes with the ack. */
    CompletableFuture<JsonNode> callAsync(String event, String payloadJson) {
        var ack = new CompletableFuture<JsonNode>();
        socket.emit(event, new Object[]{object(payloadJson)}, (Ack) args -> ack.complete(toJson(args[0])));
        return ack.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Emits with an ack and a payload of any JSON kind (for bad input), raw Java value. */
    JsonNode callRaw(String event, Object payload) {
        var ack = new CompletableFuture<JsonNode>();
        socket.emit(event, new Object[]{payload}, (Ack) args -> ack.complete(toJson(args[0])));
        return ack.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void emit(String event, String payloadJson) {
        socket.emit(event, object(payloadJson));
    }

    /** Waits for the first event of that name matching the predicate, counting those already received. */
    JsonNode awaitEvent(String event, Predicate<JsonNode> matching) {
        return awaitEvent(WAIT, event, matching);
    }

    /** As {@link #awaitEvent(String, Predicate)}, for events that come later than {@link #WAIT}, such as a timer's. */
    JsonNode awaitEvent(Duration atMost, String event) {
        return awaitEvent(atMost, event, payload -> true);
    }

    /** As {@link #awaitEvent(String, Predicate)}, waiting at most that long. */
    JsonNode awaitEvent(Duration atMost, String event, Predicate<JsonNode> matching) {
        return await().atMost(atMost).until(() -> received.stream()
                        .filter(r -> r.event().equals(event) && matching.test(r.payload())).findFirst(),
                java.util.Optional::isPresent).orElseThrow().payload();
    }

    JsonNode awaitEvent(String event) {
        return awaitEvent(event, payload -> true);
    }

    List<JsonNode> events(String event) {
        return received.stream().filter(r -> r.event().equals(event)).map(Received::payload).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void clearReceived() {
        received.clear();
    }

    @Override
    public void close() {
        socket.close();
    }

    private static JSONObject object(String json) {
        try {
            return new JSONObject(json);
        } catch (JSONException e) {
            throw new IllegalArgumentException("bad test payload " + json, e);
        }
    }

    private static JsonNode toJson(Object value) {
        try {
            return JSON.readTree(value == null ? "null" : value instanceof String s ? JSON.writeValueAsString(s) : value.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
