package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.application.push.PushNotification;
import io.agora.media.AccessToken2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The voice-call half of the socket protocol, end to end: real server, real PostgreSQL, real socket.io clients. */
class CallTest {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration DISCONNECT_GRACE = Duration.ofSeconds(1);
    /** Longer than the ring timeout plus a tick of the call timer. */
    private static final Duration TIMER_WAIT = RING_TIMEOUT.plusSeconds(5);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final List<PushNotification.IncomingCall> PUSHED = new CopyOnWriteArrayList<>();
    private static TestNode node;
    private final List<SocketClient> clients = new ArrayList<>();
    private final List<TestNode.Account> accounts = new ArrayList<>();
    private final List<JsonNode> acks = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        node = TestNode.start(notification -> {
            if (notification instanceof PushNotification.IncomingCall call) {
                PUSHED.add(call);
            }
        }, TestNode.calls(RING_TIMEOUT, DISCONNECT_GRACE));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void noPayloadOrAckCarriesAPhoneNumber() {
        for (SocketClient client : clients) {
            client.received().forEach(received -> assertNoPhoneNumber(received.event(), received.payload()));
            client.close();
        }
        acks.forEach(ack -> assertNoPhoneNumber("ack", ack));
    }

    private void assertNoPhoneNumber(String what, JsonNode payload) {
        String text = String.valueOf(payload);
        assertThat(text).as("%s payload", what).doesNotContain("\"phone\"");
        for (var account : accounts) {
            assertThat(text).as("%s payload", what).doesNotContain(account.phone().substring(1));
        }
    }

    /** A user and an agent with a room, each connected once. */
    private record Pair(TestNode.Account user, TestNode.Account agent, SocketClient userSocket,
                        SocketClient agentSocket, String roomId) {
    }

    private TestNode.Account account(String role) {
        var account = node.register("call_" + role + "_" + NAMES.incrementAndGet(), role);
        accounts.add(account);
        return account;
    }

    private SocketClient connect(TestNode.Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    private Pair pair() {
        var user = account("user");
        var agent = account("agent");
        var userSocket = connect(user);
        var agentSocket = connect(agent);
        var ack = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}");
        return new Pair(user, agent, userSocket, agentSocket, ack.path("data").path("roomId").asText());
    }

    private static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data");
    }

    private static String errorCode(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isFalse();
        return ack.path("error").path("code").asText();
    }

    private JsonNode startCall(SocketClient caller, String roomId) {
        return ok(call(caller, "call-start", "{\"roomId\":\"" + roomId + "\"}"));
    }

    private JsonNode step(SocketClient socket, String event, String callId) {
        return call(socket, event, "{\"callId\":\"" + callId + "\"}");
    }

    /** Emits with an ack and keeps the ack for the phone-number scan. */
    private JsonNode call(SocketClient socket, String event, String payloadJson) {
        var ack = socket.call(event, payloadJson);
        acks.add(ack);
        return ack;
    }

    private static JsonNode callMessage(SocketClient socket, String callId) {
        return socket.awaitEvent("new-message",
                p -> p.path("message").path("meta").path("callId").asText().equals(callId)).path("message");
    }

    @Test
    void ringsIsAnsweredOnOneDeviceAndEndsWithItsMessageAndHistory() {
        var pair = pair();
        var agentPhone = connect(pair.agent());

        var started = startCall(pair.userSocket(), pair.roomId());
        var call = started.path("call");
        String callId = call.path("callId").asText();
        assertThat(call.path("status").asText()).isEqualTo("ringing");
        assertThat(call.path("caller").path("id").asText()).isEqualTo(pair.user().id());
        assertThat(call.path("callee").path("username").asText()).isEqualTo(pair.agent().username());
        var callerRtc = started.path("rtc");
        assertToken(callerRtc);
        pair.agentSocket().awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        agentPhone.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        await().atMost(SocketClient.WAIT).until(() -> PUSHED.stream().anyMatch(push ->
                push.callId().equals(callId) && push.recipient().toString().equals(pair.agent().id())));

        var accepted = ok(step(pair.agentSocket(), "call-accept", callId));
        assertThat(accepted.path("call").path("status").asText()).isEqualTo("accepted");
        var calleeRtc = accepted.path("rtc");
        assertToken(calleeRtc);
        assertThat(calleeRtc.path("channelName").asText()).isEqualTo(callerRtc.path("channelName").asText());
        assertThat(calleeRtc.path("uid").asLong()).isNotEqualTo(callerRtc.path("uid").asLong());
        pair.userSocket().awaitEvent("call-accepted", p -> p.path("call").path("status").asText().equals("accepted"));
        assertThat(agentPhone.awaitEvent("call-answered-elsewhere").path("callId").asText()).isEqualTo(callId);
        assertThat(pair.agentSocket().events("call-answered-elsewhere")).isEmpty();

        var renewed = ok(step(pair.userSocket(), "call-token-renew", callId)).path("rtc");
        assertToken(renewed);
        assertThat(renewed.path("uid").asLong()).isEqualTo(callerRtc.path("uid").asLong());

        var ended = ok(step(pair.userSocket(), "call-end", callId)).path("call");
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(pair.agentSocket().awaitEvent("call-ended").path("call").path("callId").asText()).isEqualTo(callId);
        var message = callMessage(pair.agentSocket(), callId);
        assertThat(message.path("type").asText()).isEqualTo("call");
        assertThat(message.path("meta").path("outcome").asText()).isEqualTo("ended");
        assertThat(message.path("meta").has("durationSeconds")).isTrue();
        callMessage(pair.userSocket(), callId);
        pair.userSocket().awaitEvent("reload-chat-list",
                p -> p.path("room").path("lastMessage").path("type").asText().equals("call"));

        var history = node.get("/api/calls?roomId=" + pair.roomId(), pair.agent().token());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("calls").path(0).path("callId").asText()).isEqualTo(callId);
        assertThat(history.json().path("calls").path(0).path("status").asText()).isEqualTo("ended");
        assertThat(history.body()).doesNotContain(pair.user().phone().substring(1), pair.agent().phone().substring(1));
        assertThat(node.get("/metrics", null).body()).contains("calls_started_total", "calls_answered_total",
                "calls_missed_total", "calls_duration_seconds_sum", "calls_duration_seconds_count");
    }

    @Test
    void theCalleeRejectsAndTheCallerCancels() {
        var pair = pair();

        String rejected = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();
        ok(step(pair.agentSocket(), "call-reject", rejected));
        assertThat(pair.userSocket().awaitEvent("call-rejected").path("call").path("status").asText()).isEqualTo("rejected");
        assertThat(callMessage(pair.userSocket(), rejected).path("meta").path("outcome").asText()).isEqualTo("rejected");

        String cancelled = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();
        ok(step(pair.userSocket(), "call-cancel", cancelled));
        assertThat(pair.agentSocket().awaitEvent("call-cancelled").path("call").path("callId").asText()).isEqualTo(cancelled);
        assertThat(callMessage(pair.agentSocket(), cancelled).path("meta").path("outcome").asText()).isEqualTo("cancelled");
    }

    @Test
    void refusesStepsByTheWrongPersonOrInTheWrongState() {
        var pair = pair();
        var stranger = connect(account("agent"));
        String callId = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();

        assertThat(errorCode(step(pair.userSocket(), "call-accept", callId))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(step(pair.userSocket(), "call-reject", callId))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(step(pair.agentSocket(), "call-cancel", callId))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(step(pair.userSocket(), "call-end", callId))).isEqualTo("INVALID_STATE");
        assertThat(errorCode(step(pair.userSocket(), "call-token-renew", callId))).isEqualTo("INVALID_STATE");
        assertThat(errorCode(step(stranger, "call-accept", callId))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(call(stranger, "call-start", "{\"roomId\":\"" + pair.roomId() + "\"}"))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(step(pair.agentSocket(), "call-accept", "not-a-uuid"))).isEqualTo("VALIDATION_FAILED");

        ok(step(pair.userSocket(), "call-cancel", callId));
        assertThat(errorCode(step(pair.agentSocket(), "call-accept", callId))).isEqualTo("INVALID_STATE");
        assertThat(errorCode(step(pair.userSocket(), "call-cancel", callId))).isEqualTo("INVALID_STATE");
        var history = node.get("/api/calls", pair.user().token()).json().path("calls");
        assertThat(history).hasSize(1);
        assertThat(history.path(0).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aSecondCallToOrFromSomebodyInACallIsBusy() {
        var pair = pair();
        var otherAgent = account("agent");
        var otherUser = account("user");
        var otherUserSocket = connect(otherUser);
        String otherRoom = ok(pair.userSocket().call("create-room", "{\"participantId\":\"" + otherAgent.id() + "\"}"))
                .path("roomId").asText();
        String roomWithCallee = ok(otherUserSocket.call("create-room", "{\"participantId\":\"" + pair.agent().id() + "\"}"))
                .path("roomId").asText();
        String callId = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();

        assertThat(errorCode(call(pair.userSocket(), "call-start", "{\"roomId\":\"" + otherRoom + "\"}"))).isEqualTo("BUSY");
        assertThat(errorCode(call(otherUserSocket, "call-start", "{\"roomId\":\"" + roomWithCallee + "\"}"))).isEqualTo("BUSY");
        ok(step(pair.agentSocket(), "call-accept", callId));
        assertThat(errorCode(call(otherUserSocket, "call-start", "{\"roomId\":\"" + roomWithCallee + "\"}"))).isEqualTo("BUSY");

        ok(step(pair.agentSocket(), "call-end", callId));
        startCall(otherUserSocket, roomWithCallee);
    }

    @Test
    void aCallNobodyAnswersIsMissedForBoth() {
        var pair = pair();
        String callId = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();

        var missed = pair.userSocket().awaitEvent(TIMER_WAIT, "call-missed").path("call");
        assertThat(missed.path("callId").asText()).isEqualTo(callId);
        assertThat(missed.path("status").asText()).isEqualTo("missed");
        pair.agentSocket().awaitEvent("call-missed");
        assertThat(callMessage(pair.agentSocket(), callId).path("meta").path("outcome").asText()).isEqualTo("missed");
    }

    @Test
    void aCallerWhoDisconnectsWhileRingingFailsTheCall() {
        var pair = pair();
        String callId = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();

        pair.userSocket().close();

        var failed = pair.agentSocket().awaitEvent(TIMER_WAIT, "call-ended").path("call");
        assertThat(failed.path("callId").asText()).isEqualTo(callId);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(callMessage(pair.agentSocket(), callId).path("meta").path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    void aParticipantWhoLeavesACallUnderWayEndsIt() {
        var pair = pair();
        String callId = startCall(pair.userSocket(), pair.roomId()).path("call").path("callId").asText();
        ok(step(pair.agentSocket(), "call-accept", callId));

        pair.agentSocket().close();

        var ended = pair.userSocket().awaitEvent(TIMER_WAIT, "call-ended").path("call");
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("answeredAt").isNull()).isFalse();
    }

    /** Agora's own parser reads back what the server issued: app id, channel, uid and expiry. */
    private static void assertToken(JsonNode rtc) {
        assertThat(rtc.path("provider").asText()).isEqualTo("agora");
        assertThat(rtc.path("appId").asText()).isEqualTo(TestNode.AGORA_APP_ID);
        assertThat(rtc.path("channelName").asText()).matches("[0-9a-f]{32}");
        var token = new AccessToken2();
        assertThat(token.parse(rtc.path("token").asText())).isTrue();
        assertThat(token.appId).isEqualTo(TestNode.AGORA_APP_ID);
        var service = (AccessToken2.ServiceRtc) token.services.get(AccessToken2.SERVICE_TYPE_RTC);
        assertThat(service.getChannelName()).isEqualTo(rtc.path("channelName").asText());
        assertThat(service.getUid()).isEqualTo(rtc.path("uid").asText());
        assertThat((long) token.issueTs + token.expire)
                .isCloseTo(Instant.parse(rtc.path("expiresAt").asText()).getEpochSecond(),
                        within(2L));
    }
}
