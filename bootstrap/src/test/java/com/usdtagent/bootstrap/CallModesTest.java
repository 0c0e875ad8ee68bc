package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.webrtc.IceSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The voice modes other than Agora's signed tokens and WebRTC: Agora's testing mode (app id alone) and calls off. */
class CallModesTest {

    /** The default: no STUN, no TURN. */
    private static final IceSettings NO_ICE = Settings.fromEnvironment(Map.of()).calls().ice();

    @Test
    void inTestingModeACallRingsWithoutAToken() {
        var testingMode = new Settings.CallSettings(Settings.VoiceProvider.AGORA, Optional.of(TestNode.AGORA_APP_ID),
                Optional.empty(), Duration.ofHours(1), Duration.ofSeconds(45), Duration.ofSeconds(20), NO_ICE);
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
    void withVoiceOffCallsAreRefusedBeforeAnythingRings() {
        var off = new Settings.CallSettings(Settings.VoiceProvider.OFF, Optional.empty(), Optional.empty(),
                Duration.ofHours(1), Duration.ofSeconds(45), Duration.ofSeconds(20), NO_ICE);
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
