package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.media.testing.TestImages;
import com.usdtagent.push.testing.FakeFcm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a real socket send, through the outbox, the dispatcher and firebase-admin's real client, to a fake FCM:
 * what FCM receives, and what the outbox does when FCM refuses, stalls or is out of reach.
 */
class PushDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** firebase-admin answers a 503 by retrying four times itself; five make one failed attempt of ours. */
    private static final FakeFcm.Answer[] ONE_FAILED_ATTEMPT = {FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE,
            FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE, FakeFcm.Answer.UNAVAILABLE};
    private static final Duration PUSH_WAIT = Duration.ofSeconds(30);

    private FakeFcm fcm;
    private TestNode node;
    private TestNode.Account user;
    private TestNode.Account agent;
    private SocketClient agentSocket;
    private String roomId;
    private int sent;

    @BeforeEach
    void start() {
        fcm = new FakeFcm();
        node = TestNode.startWith(fcm);
        user = node.register("push_u_" + UUID.randomUUID().toString().substring(0, 8), "user");
        agent = node.register("push_a_" + UUID.randomUUID().toString().substring(0, 8), "agent");
        agentSocket = SocketClient.connect(node.socketUri(), agent.token());
        roomId = agentSocket.call("create-room", "{\"participantId\":\"" + user.id() + "\"}").path("data").path("roomId").asText();
    }

    @AfterEach
    void stop() {
        agentSocket.close();
        node.close();
        fcm.close();
    }

    @Test
    void aMessageReachesEveryDeviceOfTheRecipientAsTheExactJsonFcmExpects() throws IOException {
        String android = registerDevice(user, "android");
        String iphone = registerDevice(user, "ios");
        String agentsPhone = registerDevice(agent, "android");

        JsonNode message = send("Hi, I want 100 USDT").path("data").path("message");

        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(android).size() == 1 && fcm.receivedFor(iphone).size() == 1);
        for (String token : List.of(android, iphone)) {
            String body = fcm.receivedFor(token).getFirst().body();
            assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("""
                    {"message": {
                      "token": "%s",
                      "data": {"type": "message", "roomId": "%s", "messageId": "%s", "seq": "1"},
                      "notification": {"title": "%s", "body": "Hi, I want 100 USDT"},
                      "android": {"priority": "high", "notification": {"channel_id": "messages"}},
                      "apns": {"payload": {"aps": {"sound": "default", "thread-id": "%s", "badge": 1}}}
                    }}""".formatted(token, roomId, message.path("id").asText(), agent.username(), roomId)));
            assertThat(body).doesNotContain(agent.phone(), user.phone(), agent.phone().substring(1), user.phone().substring(1));
        }
        assertThat(fcm.receivedFor(agentsPhone)).isEmpty();

        send("and 50 more");
        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(android).size() == 2);
        assertThat(JSON.readTree(fcm.receivedFor(android).get(1).body()).at("/message/apns/payload/aps/badge").asInt())
                .as("the badge counts everything unread").isEqualTo(2);
        await().atMost(PUSH_WAIT).until(() -> metric("push_sent_total") == 4);
    }

    @Test
    void aMessageOfFilesAloneSaysPhotoOrFile() throws IOException {
        String phone = registerDevice(user, "android");
        String photo = attach(TestImages.screenshot(40, 40), "proof.png");
        String receipt = attach(TestImages.pdf(), "receipt.pdf");

        Map<String, String> expected = new HashMap<>();
        for (var files : Map.of(photo, "Photo", receipt, "File").entrySet()) {
            var ack = agentSocket.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"f-"
                    + (++sent) + "\",\"attachmentIds\":[\"" + files.getKey() + "\"]}");
            assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
            expected.put(ack.path("data").path("message").path("id").asText(), files.getValue());
        }

        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(phone).size() == 2);
        Map<String, String> bodies = new HashMap<>();
        for (var received : fcm.receivedFor(phone)) {
            JsonNode push = JSON.readTree(received.body()).path("message");
            bodies.put(push.at("/data/messageId").asText(), push.at("/notification/body").asText());
        }
        assertThat(bodies).isEqualTo(expected);
    }

    @Test
    void aTokenFcmCallsUnregisteredIsDeletedAndNotPushedAgain() {
        String uninstalled = registerDevice(user, "android");
        String current = registerDevice(user, "android");
        fcm.script(uninstalled, FakeFcm.Answer.UNREGISTERED);

        send("first");
        await().atMost(PUSH_WAIT).until(() -> metric("push_tokens_pruned_total") == 1);
        send("second");
        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(current).size() == 2);

        assertThat(fcm.receivedFor(uninstalled)).hasSize(1);
        assertThat(metric("push_failed_total")).isEqualTo(1);
    }

    @Test
    void aDeviceSignedOutWithDeleteGetsNoMorePushes() {
        String signedOut = registerDevice(user, "ios");
        String stillIn = registerDevice(user, "android");

        assertThat(node.delete("/api/devices/" + signedOut, user.token()).status()).isEqualTo(204);
        assertThat(node.delete("/api/devices/" + stillIn, agent.token()).status())
                .as("another user's token is not the caller's to forget").isEqualTo(204);
        send("after sign-out");

        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(stillIn).size() == 1);
        assertThat(fcm.receivedFor(signedOut)).isEmpty();
    }

    @Test
    void aPushFcmAnswers503IsRetriedLaterWithBackoff() {
        String device = registerDevice(user, "ios");
        fcm.script(device, ONE_FAILED_ATTEMPT);

        send("try again");

        await().atMost(PUSH_WAIT).until(() -> metric("push_sent_total") == 1);
        assertThat(metric("push_retried_total")).isEqualTo(1);
        assertThat(fcm.receivedFor(device)).hasSize(ONE_FAILED_ATTEMPT.length + 1)
                .extracting(FakeFcm.Received::body).containsOnly(fcm.receivedFor(device).getFirst().body());
    }

    @Test
    void fcmDownNeitherFailsNorSlowsTheChat() {
        String device = registerDevice(user, "android");
        for (int i = 0; i < 10; i++) {
            fcm.script(device, ONE_FAILED_ATTEMPT);
        }
        send("warm up");
        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(device).size() >= 2);

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(send("while FCM is down " + i).path("ok").asBoolean()).isTrue();
        }
        Duration twenty = Duration.ofNanos(System.nanoTime() - started);

        assertThat(twenty).as("20 acknowledged sends while the dispatcher is stuck in FCM's 503s")
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void pushesLeftInTheOutboxGoOutAfterARestart() {
        String device = registerDevice(user, "android");
        fcm.goDown();

        JsonNode stored = send("sent while FCM was unreachable").path("data").path("message");
        await().atMost(PUSH_WAIT).until(() -> metric("push_retried_total") >= 1);
        node.restart(fcm::comeBack);

        await().atMost(PUSH_WAIT).until(() -> fcm.receivedFor(device).size() == 1);
        assertThat(fcm.receivedFor(device).getFirst().body()).contains(stored.path("id").asText());
    }

    @Test
    void twoNodesDispatchingTheSameOutboxSendEachPushOnce() {
        List<String> devices = List.of(registerDevice(user, "android"), registerDevice(user, "ios"),
                registerDevice(user, "web"));
        fcm.delayEachSend(Duration.ofMillis(20));
        try (TestNode second = TestNode.startAlongside(node)) {
            for (int i = 0; i < 40; i++) {
                send("burst " + i);
            }
            await().atMost(PUSH_WAIT).until(() -> fcm.received().size() >= 120);
            // a second longer than a dispatch tick, for any duplicate to show up
            await().pollDelay(Duration.ofMillis(1500)).until(() -> true);

            Set<String> deliveries = new HashSet<>();
            for (var received : fcm.received()) {
                assertThat(deliveries.add(received.token() + " " + messageIdIn(received.body())))
                        .as("sent twice: %s", received.body()).isTrue();
            }
            assertThat(deliveries).hasSize(120);
            assertThat(fcm.received()).extracting(FakeFcm.Received::token).containsOnlyElementsOf(devices);
            assertThat(metric("push_sent_total") + second.metric("push_sent_total")).isEqualTo(120);
        }
    }

    private String registerDevice(TestNode.Account owner, String platform) {
        String token = "fcm-" + platform + "-" + UUID.randomUUID();
        var response = node.post("/api/devices", "{\"token\":\"" + token + "\",\"platform\":\"" + platform + "\"}", owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        return token;
    }

    private JsonNode send(String text) {
        var ack = agentSocket.call("send-message", "{\"roomId\":\"" + roomId + "\",\"clientMessageId\":\"m-" + (++sent)
                + "\",\"text\":\"" + text + "\"}");
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack;
    }

    /** The agent's upload to the room; its id. */
    private String attach(byte[] file, String name) {
        var response = node.upload("/api/rooms/" + roomId + "/attachments", agent.token(), name, "image/png", file);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("attachment").path("id").asText();
    }

    private double metric(String name) {
        return node.metric(name);
    }

    private static String messageIdIn(String body) {
        Matcher id = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return id.find() ? id.group(1) : body;
    }
}
