package com.usdtagent.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.push.PushContents;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutcome;
import com.usdtagent.application.push.PushSender;
import com.usdtagent.application.push.QueuedPush;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.push.testing.FakeFcm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** firebase-admin's real client against the fake FCM: the exact JSON of each kind of push, and how answers map. */
class FcmPushSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PushContents CONTENTS = new PushContents(true);

    private static FakeFcm fcm;
    private static PushSender sender;

    @BeforeAll
    static void start() {
        fcm = new FakeFcm();
        sender = Push.fcm(fcm.serviceAccountFile(), Optional.of(fcm.endpoint()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        sender.close();
        fcm.close();
    }

    @Test
    void aNewMessageIsANotificationWithTheRoomAsThreadAndTheUnreadBadge() throws IOException {
        var sender = new PublicProfile(UserId.newId(), new Username("agent_ann"), Role.AGENT);
        var message = new Message(MessageId.newId(), RoomId.newId(), 12, sender.id(), MessageType.TEXT, "Hi, 100 USDT?",
                "c-1", Map.of(), NOW);
        String token = token();

        send(token, CONTENTS.compose(new PushNotification.NewMessage(UserId.newId(), sender, message), 5, NOW));

        assertThat(onlyBodyFor(token)).isEqualTo(JSON.readTree("""
                {"message": {
                  "token": "%s",
                  "data": {"type": "message", "roomId": "%s", "messageId": "%s", "seq": "12"},
                  "notification": {"title": "agent_ann", "body": "Hi, 100 USDT?"},
                  "android": {"priority": "high", "notification": {"channel_id": "messages"}},
                  "apns": {"payload": {"aps": {"sound": "default", "thread-id": "%s", "badge": 5}}}
                }}""".formatted(token, message.roomId(), message.id(), message.roomId())));
    }

    @Test
    void anIncomingCallIsHighPriorityDataThatExpiresWithTheRing() throws IOException {
        RoomId room = RoomId.newId();
        String token = token();

        send(token, CONTENTS.compose(new PushNotification.IncomingCall(UserId.newId(), "call-7", room, "agent_ann",
                Duration.ofSeconds(30)), 5, NOW));

        assertThat(onlyBodyFor(token)).isEqualTo(JSON.readTree("""
                {"message": {
                  "token": "%s",
                  "data": {"type": "incoming_call", "callId": "call-7", "roomId": "%s", "callerName": "agent_ann"},
                  "android": {"priority": "high", "ttl": "30s"},
                  "apns": {
                    "headers": {"apns-expiration": "%d", "apns-push-type": "background", "apns-priority": "5"},
                    "payload": {"aps": {"content-available": 1}}}
                }}""".formatted(token, room, NOW.plusSeconds(30).getEpochSecond())));
    }

    @Test
    void anOrderChangeIsANotificationThreadedByOrder() throws IOException {
        String token = token();

        send(token, CONTENTS.compose(new PushNotification.OrderChanged(UserId.newId(), "ord-42", "PAID"), 2, NOW));

        assertThat(onlyBodyFor(token)).isEqualTo(JSON.readTree("""
                {"message": {
                  "token": "%s",
                  "data": {"type": "order", "orderId": "ord-42", "status": "PAID"},
                  "notification": {"title": "Order update", "body": "Your order is now PAID"},
                  "android": {"priority": "high", "notification": {"channel_id": "orders"}},
                  "apns": {"payload": {"aps": {"sound": "default", "thread-id": "ord-42", "badge": 2}}}
                }}""".formatted(token)));
    }

    @Test
    void sendsToTheProjectWithAnOAuthTokenFromTheServiceAccountsTokenUri() {
        String token = token();
        send(token, CONTENTS.compose(new PushNotification.OrderChanged(UserId.newId(), "ord-1", "PAID"), 0, NOW));

        var received = fcm.receivedFor(token).getFirst();
        assertThat(received.path()).isEqualTo("/v1/projects/" + FakeFcm.PROJECT_ID + "/messages:send");
        assertThat(received.authorization()).isEqualTo("Bearer fake-access-token");
        assertThat(fcm.tokenRequests()).isPositive();
    }

    @Test
    void mapsFcmAnswersToOutcomesPerDevice() {
        String fine = token();
        String uninstalled = token();
        String busy = token();
        String malformed = token();
        String unlucky = token();
        fcm.script(uninstalled, FakeFcm.Answer.UNREGISTERED);
        fcm.script(malformed, FakeFcm.Answer.INVALID_TOKEN);
        fcm.script(unlucky, FakeFcm.Answer.INVALID_PAYLOAD);
        // firebase-admin retries a 503 four times itself before giving up
        fcm.script(busy, FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE,
                FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE);
        var content = CONTENTS.compose(new PushNotification.OrderChanged(UserId.newId(), "ord-2", "PAID"), 0, NOW);

        List<PushOutcome> outcomes = sender.send(List.of(new QueuedPush(1, fine, content, 1),
                new QueuedPush(2, uninstalled, content, 1), new QueuedPush(3, busy, content, 1),
                new QueuedPush(4, malformed, content, 1), new QueuedPush(5, unlucky, content, 1)));

        assertThat(outcomes).containsExactly(PushOutcome.SENT,
                new PushOutcome(PushOutcome.Result.TOKEN_INVALID, "UNREGISTERED"),
                new PushOutcome(PushOutcome.Result.RETRYABLE, "UNAVAILABLE"),
                new PushOutcome(PushOutcome.Result.TOKEN_INVALID, "INVALID_ARGUMENT"),
                new PushOutcome(PushOutcome.Result.FAILED, "INVALID_ARGUMENT"));
        assertThat(fcm.receivedFor(busy)).hasSize(5);
    }

    @Test
    void fcmOutOfReachIsRetryable() {
        var content = CONTENTS.compose(new PushNotification.OrderChanged(UserId.newId(), "ord-3", "PAID"), 0, NOW);
        fcm.goDown();
        try {
            assertThat(sender.send(List.of(new QueuedPush(1, token(), content, 1))))
                    .extracting(PushOutcome::result).containsExactly(PushOutcome.Result.RETRYABLE);
        } finally {
            fcm.comeBack();
        }
    }

    private static void send(String token, PushMessage content) {
        assertThat(sender.send(List.of(new QueuedPush(1, token, content, 1)))).containsExactly(PushOutcome.SENT);
    }

    private static JsonNode onlyBodyFor(String token) throws IOException {
        var received = fcm.receivedFor(token);
        assertThat(received).hasSize(1);
        return JSON.readTree(received.getFirst().body());
    }

    private static String token() {
        return "device-" + UUID.randomUUID();
    }
}
