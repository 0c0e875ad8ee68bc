package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code call-signal} and the WebRTC {@code rtc} over real socket.io clients: who may signal whom, and what is
 * refused. The browsers' side is in WebRtcCallTest.
 */
class CallSignalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TURN_SECRET = "turn-secret-of-the-signal-test";
    private static final String TURN_URL = "turn:turn.example.org:3478?transport=udp";
    private static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestNode node;
    private final List<SocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        node = TestNode.start(Settings.fromEnvironment(Map.of("STUN_URLS", "stun:stun.example.org:3478",
                "TURN_URLS", TURN_URL, "TURN_SECRET", TURN_SECRET, "TURN_CREDENTIAL_TTL_SECONDS", "600")).calls());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void closeSockets() {
        clients.forEach(SocketClient::close);
    }

    /** A call in its room: the caller's socket, the callee's phone (which answers when asked) and laptop. */
    private record Call(String callId, TestNode.Account caller, TestNode.Account callee, SocketClient callerSocket,
                        SocketClient calleePhone, SocketClient calleeLaptop, JsonNode callerRtc) {
    }

    private SocketClient connect(TestNode.Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    private Call ringing() {
        var user = node.register("signal_user_" + NAMES.incrementAndGet(), "user");
        var agent = node.register("signal_agent_" + NAMES.incrementAndGet(), "agent");
        var userSocket = connect(user);
        var agentPhone = connect(agent);
        var agentLaptop = connect(agent);
        String roomId = ok(userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}")).path("roomId").asText();
        var started = ok(userSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}"));
        String callId = started.path("call").path("callId").asText();
        agentLaptop.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        return new Call(callId, user, agent, userSocket, agentPhone, agentLaptop, started.path("rtc"));
    }

    private Call accepted() {
        var call = ringing();
        ok(call.calleePhone().call("call-accept", "{\"callId\":\"" + call.callId() + "\"}"));
        call.callerSocket().awaitEvent("call-accepted");
        return call;
    }

    private static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data");
    }

    private static JsonNode refused(JsonNode ack, String code) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isFalse();
        assertThat(ack.path("error").path("code").asText()).as(ack.toString()).isEqualTo(code);
        return ack.path("error");
    }

    private static JsonNode signal(SocketClient socket, String callId, String contentJson) {
        return socket.call("call-signal", "{\"callId\":\"" + callId + "\"," + contentJson + "}");
    }

    private static String offer(String sdp) {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("description").put("type", "offer").put("sdp", sdp);
        String json = content.toString();
        return json.substring(1, json.length() - 1);
    }

    @Test
    void relaysBetweenTheCallerAndTheSocketThatAnsweredOnly() {
        var call = accepted();
        var callerTablet = connect(call.caller());

        var ack = ok(signal(call.callerSocket(), call.callId(), offer(OFFER)));
        assertThat(ack.path("callId").asText()).isEqualTo(call.callId());
        var offer = call.calleePhone().awaitEvent("call-signal");
        assertThat(offer.path("callId").asText()).isEqualTo(call.callId());
        assertThat(offer.path("from").asText()).isEqualTo(call.caller().id());
        assertThat(offer.path("description").path("type").asText()).isEqualTo("offer");
        assertThat(offer.path("description").path("sdp").asText()).isEqualTo(OFFER);
        assertThat(offer.has("candidate")).isFalse();

        String candidate = "candidate:1 1 udp 2122260223 192.0.2.7 54321 typ host generation 0";
        ok(signal(call.calleePhone(), call.callId(),
                "\"candidate\":{\"candidate\":\"" + candidate + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}"));
        for (SocketClient callerDevice : List.of(call.callerSocket(), callerTablet)) {
            var relayed = callerDevice.awaitEvent("call-signal");
            assertThat(relayed.path("from").asText()).isEqualTo(call.callee().id());
            assertThat(relayed.path("candidate").path("candidate").asText()).isEqualTo(candidate);
            assertThat(relayed.path("candidate").path("sdpMid").asText()).isEqualTo("0");
            assertThat(relayed.path("candidate").path("sdpMLineIndex").asInt(-1)).isEqualTo(0);
            assertThat(relayed.has("description")).isFalse();
        }

        // the callee's other device and the sender's own sockets hear nothing of it
        ok(call.callerSocket().call("call-end", "{\"callId\":\"" + call.callId() + "\"}"));
        call.calleeLaptop().awaitEvent("call-ended");
        assertThat(call.calleeLaptop().events("call-signal")).isEmpty();
        assertThat(call.calleePhone().events("call-signal")).hasSize(1);
        assertThat(call.callerSocket().events("call-signal")).hasSize(1);
    }

    @Test
    void refusesAStrangerBeforeTheAnswerTheCalleesOtherDeviceAndAfterTheEnd() {
        var call = ringing();
        var stranger = connect(node.register("signal_stranger_" + NAMES.incrementAndGet(), "agent"));

        refused(signal(call.callerSocket(), call.callId(), offer(OFFER)), "INVALID_STATE");
        refused(signal(call.calleeLaptop(), call.callId(), offer(OFFER)), "INVALID_STATE");
        refused(signal(stranger, call.callId(), offer(OFFER)), "NOT_FOUND");
        ok(call.calleePhone().call("call-accept", "{\"callId\":\"" + call.callId() + "\"}"));
        refused(signal(stranger, call.callId(), offer(OFFER)), "NOT_FOUND");
        var otherDevice = refused(signal(call.calleeLaptop(), call.callId(), offer(OFFER)), "INVALID_STATE");
        assertThat(otherDevice.path("message").asText()).contains("another device");
        refused(signal(call.callerSocket(), "9b0e1c3a-6a55-4a8e-8f0e-3f1d0c2b7a61", offer(OFFER)), "NOT_FOUND");

        ok(call.calleePhone().call("call-end", "{\"callId\":\"" + call.callId() + "\"}"));
        refused(signal(call.callerSocket(), call.callId(), offer(OFFER)), "INVALID_STATE");
        refused(signal(call.calleePhone(), call.callId(), offer(OFFER)), "INVALID_STATE");

        for (SocketClient socket : List.of(call.callerSocket(), call.calleePhone(), call.calleeLaptop(), stranger)) {
            assertThat(socket.events("call-signal")).isEmpty();
        }
        assertThat(call.calleeLaptop().events("error")).anySatisfy(error -> {
            assertThat(error.path("event").asText()).isEqualTo("call-signal");
            assertThat(error.path("code").asText()).isEqualTo("INVALID_STATE");
        });
    }

    @Test
    void refusesWhatIsNotOneDescriptionOrOneCandidateOfSdp() {
        var call = accepted();
        var caller = call.callerSocket();
        String id = call.callId();
        String candidate = "\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 192.0.2.7 9 typ host\"}";

        assertThat(refused(signal(caller, id, offer("v".repeat(20_001))), "VALIDATION_FAILED").path("details").path(0)
                .path("field").asText()).isEqualTo("description.sdp");
        var both = refused(signal(caller, id, offer(OFFER) + "," + candidate), "VALIDATION_FAILED");
        assertThat(both.path("details").path(0).path("message").asText()).contains("exactly one of description and candidate");
        refused(caller.call("call-signal", "{\"callId\":\"" + id + "\"}"), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"description\":{\"type\":\"offer\",\"sdp\":42}"), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"description\":{\"type\":\"rollback\",\"sdp\":\"\"}"), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"description\":\"v=0\""), "VALIDATION_FAILED");
        refused(signal(caller, id, offer("v=0\u0000\r\n")), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"candidate\":{\"candidate\":\"" + "c".repeat(1_001) + "\"}"), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"candidate\":{\"candidate\":\"a\\r\\nb\"}"), "VALIDATION_FAILED");
        refused(signal(caller, id, "\"candidate\":{\"candidate\":\"a\",\"sdpMLineIndex\":\"0\"}"), "VALIDATION_FAILED");
        assertThat(call.calleePhone().events("call-signal")).isEmpty();

        // the limits themselves pass
        ok(signal(caller, id, offer("v".repeat(20_000))));
        ok(signal(caller, id, "\"candidate\":{\"candidate\":\"" + "c".repeat(1_000) + "\"}"));
        call.calleePhone().awaitEvent("call-signal", p -> p.has("candidate"));
    }

    @Test
    void signalsAreRateLimitedLikeEveryEvent() {
        var call = accepted();
        String candidate = "\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 192.0.2.7 9 typ host\"}";

        List<CompletableFuture<JsonNode>> acks = IntStream.range(0, 80).mapToObj(i -> call.callerSocket().callAsync(
                "call-signal", "{\"callId\":\"" + call.callId() + "\"," + candidate + "}")).toList();

        var codes = acks.stream().map(CompletableFuture::join)
                .map(ack -> ack.path("ok").asBoolean() ? "ok" : ack.path("error").path("code").asText()).toList();
        assertThat(codes).contains("ok", "RATE_LIMITED").containsOnly("ok", "RATE_LIMITED");
    }

    @Test
    void eachParticipantGetsTurnCredentialsOfTheirOwnAndFreshOnesOnRenewal() throws Exception {
        var call = ringing();
        var calleeRtc = ok(call.calleePhone().call("call-accept", "{\"callId\":\"" + call.callId() + "\"}")).path("rtc");
        var renewed = ok(call.callerSocket().call("call-token-renew", "{\"callId\":\"" + call.callId() + "\"}")).path("rtc");

        List<String> usernames = new ArrayList<>();
        for (JsonNode rtc : List.of(call.callerRtc(), calleeRtc, renewed)) {
            assertThat(rtc.path("provider").asText()).isEqualTo("webrtc");
            assertThat(rtc.path("iceTransportPolicy").asText()).isEqualTo("all");
            assertThat(rtc.path("iceServers").path(0).toString()).isEqualTo("{\"urls\":[\"stun:stun.example.org:3478\"]}");
            var turn = rtc.path("iceServers").path(1);
            assertThat(turn.path("urls").path(0).asText()).isEqualTo(TURN_URL);
            Instant expiresAt = Instant.parse(rtc.path("expiresAt").asText());
            assertThat(expiresAt).isCloseTo(Instant.now().plusSeconds(600), within(Duration.ofSeconds(5)));
            String username = turn.path("username").asText();
            assertThat(username).matches(expiresAt.getEpochSecond() + ":[0-9a-f]{32}");
            for (var participant : List.of(call.caller(), call.callee())) {
                assertThat(username).doesNotContain(participant.id(), participant.username(), participant.phone().substring(1));
            }
            assertThat(turn.path("credential").asText()).isEqualTo(hmacSha1(username));
            usernames.add(username);
        }
        assertThat(usernames).doesNotHaveDuplicates();
    }

    /** coturn's use-auth-secret check: base64(HMAC-SHA1(secret, username)). */
    private static String hmacSha1(String username) throws Exception {
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
