package com.usdtagent.bootstrap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SocketAuthenticationTest {

    private static TestNode node;
    private static TestNode.Account user;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        user = node.register("socket_user", "user");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aValidTokenConnectsAndReceivesTheFirstRoomPage() {
        try (var client = SocketClient.connect(node.socketUri(), user.token())) {
            var page = client.awaitEvent("chat-room-list");
            assertThat(page.path("page").asInt()).isEqualTo(1);
            assertThat(page.path("limit").asInt()).isEqualTo(20);
            assertThat(page.path("rooms").isArray()).isTrue();
            assertThat(page.has("total")).isTrue();
            assertThat(page.has("hasMore")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {WebSocket.NAME, Polling.NAME})
    void connectionsWithoutAGoodTokenAreRefusedWithUnauthorized(String transport) {
        var secret = Algorithm.HMAC256(TestNode.JWT_SECRET);
        String expired = JWT.create().withSubject(user.id()).withClaim("role", "user")
                .withExpiresAt(Date.from(Instant.now().minusSeconds(5))).sign(secret);
        String wronglySigned = JWT.create().withSubject(user.id()).withClaim("role", "admin")
                .withExpiresAt(Date.from(Instant.now().plusSeconds(600)))
                .sign(Algorithm.HMAC256("some-other-secret-that-is-32-bytes-long"));
        List<String> badTokens = new ArrayList<>(List.of("", "not-a-jwt", expired, wronglySigned));
        badTokens.add(null);

        for (String token : badTokens) {
            try (var client = SocketClient.attempt(node.socketUri(), token, transport)) {
                var error = client.awaitConnectError();
                assertThat(error.path("message").asText()).as("token %s", token).isNotBlank();
                assertThat(error.path("data").path("code").asText()).as("token %s", token).isEqualTo("UNAUTHORIZED");
                assertThat(client.isConnected()).isFalse();
                assertThat(client.events("chat-room-list")).isEmpty();
            }
        }
    }

    @Test
    void aConnectPacketWithoutAuthDataIsRefusedToo() {
        try (var raw = new RawSocketIo(node.socketPort())) {
            raw.send("40");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("44{").contains("\"code\":\"UNAUTHORIZED\"");
        }
    }

    @Test
    void aConnectWaitingForTheDatabaseHoldsUpNoOtherSocketAndIsAnsweredFirst() throws Exception {
        var fresh = node.register("held_connect", "user");
        try (var waiting = new RawSocketIo(node.socketPort())) {
            try (var lock = node.lockAgainstReads("login_session")) {
                waiting.send("40{\"token\":\"" + fresh.token() + "\"}");
                long sent = System.nanoTime();
                assertThat(waiting.next(Duration.ofMillis(500))).as("the session check waits for the database").isNull();

                // netty-socketio hands sockets to its event loops in turn, two loops a core: these reach every loop
                long started = System.nanoTime();
                for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                    new RawSocketIo(node.socketPort()).close(); // returns once the server has opened the socket
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

                // past the 5 s a socket has to authenticate: it did send its token, the server is the slow one
                Thread.sleep(Math.max(0, Duration.ofSeconds(6).minusNanos(System.nanoTime() - sent).toMillis()));
            }
            assertThat(waiting.next(Duration.ofSeconds(5))).startsWith("40{");
            assertThat(waiting.next(Duration.ofSeconds(5))).startsWith("42[\"chat-room-list\"");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIsRefusedWithInternalNotUnauthorized() {
        var fresh = node.register("unchecked_connect", "user");
        node.execute("ALTER TABLE login_session RENAME TO login_session_away");
        try (var client = SocketClient.attempt(node.socketUri(), fresh.token(), WebSocket.NAME)) {
            assertThat(client.awaitConnectError().path("data").path("code").asText()).isEqualTo("INTERNAL");
        } finally {
            node.execute("ALTER TABLE login_session_away RENAME TO login_session");
        }
        try (var client = SocketClient.connect(node.socketUri(), fresh.token())) {
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void eventsFromARefusedSocketReachNoHandlerAndGetNothingBack() {
        try (var raw = new RawSocketIo(node.socketPort())) {
            raw.send("40{\"token\":\"forged\"}");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("44{");

            raw.send("421[\"chat-room-list\",{}]");
            List<String> answers = new ArrayList<>();
            for (String frame = raw.next(Duration.ofSeconds(2)); frame != null; frame = raw.next(Duration.ofSeconds(1))) {
                answers.add(frame);
            }
            assertThat(answers).as("no ack, no event: at most a goodbye").allSatisfy(frame -> assertThat(frame).isEqualTo("41"));
        }
    }

    @Test
    void aRefusedSocketIsClosedSoonAfter() {
        try (var raw = new RawSocketIo(node.socketPort())) {
            raw.send("40{\"token\":\"forged\"}");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("44{");
            // netty-socketio says goodbye with a Socket.IO DISCONNECT before it closes the transport
            assertThat(raw.next(Duration.ofSeconds(6))).isEqualTo("41");
        }
    }

    @Test
    void badPayloadsGetValidationFailedListingEveryFieldAndTheSocketStaysUsable() {
        try (var client = SocketClient.connect(node.socketUri(), user.token())) {
            var ack = client.call("chat-room-list", "{\"page\":0,\"limit\":500,\"search\":\"" + "x".repeat(101) + "\"}");

            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(ack.path("error").path("details").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("limit", "page", "search");
            var error = client.awaitEvent("error");
            assertThat(error.path("event").asText()).isEqualTo("chat-room-list");
            assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");

            assertThat(client.callRaw("chat-room-list", "a string").path("error").path("code").asText())
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(client.call("chat-room-list", "{\"page\":\"2\"}").path("error").path("details")
                    .findValuesAsText("field")).containsExactly("page");

            assertThat(client.call("chat-room-list", "{\"limit\":5}").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void eventsOfOneSocketAreHandledInTheOrderTheyArrived() {
        try (var client = SocketClient.connect(node.socketUri(), user.token())) {
            client.awaitEvent("chat-room-list");
            client.clearReceived();
            IntStream.rangeClosed(1, 40).forEach(page -> client.emit("chat-room-list", "{\"page\":" + page + "}"));

            var pages = org.awaitility.Awaitility.await().atMost(SocketClient.WAIT)
                    .until(() -> client.events("chat-room-list"), list -> list.size() == 40);
            assertThat(pages).extracting(page -> page.path("page").asInt())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        }
    }
}
