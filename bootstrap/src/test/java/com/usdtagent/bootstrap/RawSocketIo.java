package com.usdtagent.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Speaks the Engine.IO v4 / Socket.IO v5 wire format by hand over the JDK's websocket, to send what a well-behaved
 * client never would (a CONNECT without auth, events after a refusal).
 */
final class RawSocketIo implements AutoCloseable {

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Held for as long as the websocket: a client nobody holds may stop its selector and miss the close. */
    private final HttpClient client = HttpClient.newHttpClient();
    private final WebSocket webSocket;

    RawSocketIo(int port) {
        webSocket = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                        new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    String frame = partial.toString();
                                    partial.setLength(0);
                                    if (frame.equals("2")) {
                                        ws.sendText("3", true); // answer the server's ping
                                    } else {
                                        frames.add(frame);
                                    }
                                }
                                ws.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                                closed.complete(null);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket ws, Throwable error) {
                                closed.complete(null);
                            }
                        })
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        String open = next(Duration.ofSeconds(5));
        if (open == null || !open.startsWith("0{")) {
            throw new IllegalStateException("no Engine.IO open packet: " + open);
        }
    }

    void send(String frame) {
        webSocket.sendText(frame, true).join();
    }

    /** The next frame, or null when none arrives in time. */
    String next(Duration wait) {
        try {
            return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Sends {@code count} acked {@code typing} events at once, ack ids from {@code firstAckId} on, and returns their
     * acks ({@code 43<id>[...]}) in the order sent; other frames that arrive meanwhile are dropped.
     */
    List<String> sendTypingBurst(int firstAckId, int count) {
        IntStream.range(firstAckId, firstAckId + count).forEach(id -> send("42" + id + "[\"typing\",{\"roomId\":\""
                + UUID.randomUUID() + "\",\"typing\":true}]"));
        List<String> acks = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (acks.size() < count && System.nanoTime() < deadline) {
            String frame = next(Duration.ofMillis(100));
            if (frame != null && frame.startsWith("43")) {
                acks.add(frame);
            }
        }
        acks.sort(Comparator.comparingInt(ack -> Integer.parseInt(ack.substring(2, ack.indexOf('[')))));
        return acks;
    }

    /** Whether the server closed the connection within {@code wait}. */
    boolean closedWithin(Duration wait) {
        try {
            closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillOpen) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
