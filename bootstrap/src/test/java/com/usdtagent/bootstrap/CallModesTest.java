package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Agora modes other than signed tokens: testing mode (app id alone) and calls off (no app id). */
class CallModesTest {

    @Test
    void inTestingModeACallRingsWithoutAToken() {
        var testingMode = new Settings.CallSettings(Optional.of(TestNode.AGORA_APP_ID), Optional.empty(),
                Duration.ofHours(1), Duration.ofSeconds(45), Duration.ofSeconds(20));
        try (var node = TestNode.start(testingMode)) {
            var ack = startACall(node, "testing");

            assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
            var rtc = ack.path("data").path("rtc");
            assertThat(rtc.path("appId").asText()).isEqualTo(TestNode.AGORA_APP_ID);
            assertThat(rtc.path("channelName").asText()).matches("[0-9a-f]{32}");
            assertThat(rtc.path("token").isNull()).isTrue();
        }
    }

    @Test
    void withoutAnAppIdCallsAreRefusedBeforeAnythingRings() {
        var off = new Settings.CallSettings(Optional.empty(), Optional.empty(),
                Duration.ofHours(1), Duration.ofSeconds(45), Duration.ofSeconds(20));
        try (var node = TestNode.start(off)) {
            var ack = startACall(node, "off");

            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("error").path("code").asText()).isEqualTo("INVALID_STATE");
            assertThat(ack.path("error").path("message").asText()).contains("not configured");
        }
    }

    private static JsonNode startACall(TestNode node, String name) {
        var user = node.register("mode_user_" + name, "user");
        var agent = node.register("mode_agent_" + name, "agent");
        try (var socket = SocketClient.connect(node.socketUri(), user.token())) {
            String roomId = socket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}")
                    .path("data").path("roomId").asText();
            return socket.call("call-start", "{\"roomId\":\"" + roomId + "\"}");
        }
    }
}
