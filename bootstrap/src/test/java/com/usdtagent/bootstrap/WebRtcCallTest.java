package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.bootstrap.voice.BrowserPhone;
import com.usdtagent.bootstrap.voice.CallPages;
import com.usdtagent.bootstrap.voice.Chromium;
import com.usdtagent.bootstrap.voice.Coturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two headless Chromium browsers with fake microphones call each other through the real server: the server
 * signals over Socket.IO, the browsers carry the audio peer to peer or through a real coturn.
 */
class WebRtcCallTest {

    private static final String TURN_SECRET = "coturn-static-auth-secret-of-the-test";
    /** A few hundred milliseconds of Opus. */
    private static final long AUDIO_BYTES = 2_000;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Coturn coturn;
    private static CallPages pages;
    private static Chromium callerBrowser;
    private static Chromium calleeBrowser;

    @BeforeAll
    static void start() {
        coturn = Coturn.start(TURN_SECRET);
        pages = CallPages.serve();
        callerBrowser = Chromium.launch();
        calleeBrowser = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[]{calleeBrowser, callerBrowser, pages, coturn}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // the others still close
            }
        }
    }

    /** Both sides of one call, once the audio flowed both ways. */
    private record Talk(JsonNode callerRtc, JsonNode calleeRtc, BrowserPhone caller, BrowserPhone callee) {
    }

    @Test
    void withNoVoiceSettingsAtAllTwoBrowsersTalkOverHostCandidates() {
        var noVoiceSettings = Settings.fromEnvironment(Map.of()).calls();
        try (var node = TestNode.start(noVoiceSettings)) {
            var talk = talk(node);

            for (JsonNode rtc : List.of(talk.callerRtc(), talk.calleeRtc())) {
                assertThat(rtc.path("provider").asText()).isEqualTo("webrtc");
                assertThat(rtc.path("iceServers")).isEmpty();
                assertThat(rtc.path("iceTransportPolicy").asText()).isEqualTo("all");
            }
            for (BrowserPhone phone : List.of(talk.caller(), talk.callee())) {
                assertThat(phone.stats().path("localCandidateType").asText()).isEqualTo("host");
            }
        }
    }

    @Test
    void withRelayOnlyTheAudioGoesThroughCoturnAndNeitherSideSeesTheOthersAddress() throws SocketException {
        var relayOnly = Settings.fromEnvironment(Map.of("STUN_URLS", coturn.stunUrl(), "TURN_URLS", coturn.turnUrl(),
                "TURN_SECRET", TURN_SECRET, "ICE_TRANSPORT_POLICY", "relay")).calls();
        try (var node = TestNode.start(relayOnly)) {
            var talk = talk(node);

            for (JsonNode rtc : List.of(talk.callerRtc(), talk.calleeRtc())) {
                assertThat(rtc.path("provider").asText()).isEqualTo("webrtc");
                assertThat(rtc.path("iceTransportPolicy").asText()).isEqualTo("relay");
                assertThat(rtc.path("iceServers").path(0).path("urls").path(0).asText()).isEqualTo(coturn.stunUrl());
                assertThat(rtc.path("iceServers").path(0).has("username")).isFalse();
                assertThat(rtc.path("iceServers").path(1).path("urls").path(0).asText()).isEqualTo(coturn.turnUrl());
                assertThat(rtc.path("iceServers").path(1).path("username").asText()).matches("\\d+:[0-9a-f]{32}");
            }
            assertThat(talk.callerRtc().path("iceServers").path(1).path("username").asText())
                    .isNotEqualTo(talk.calleeRtc().path("iceServers").path(1).path("username").asText());
            List<String> ownAddresses = machineAddresses();
            for (BrowserPhone phone : List.of(talk.caller(), talk.callee())) {
                var stats = phone.stats();
                assertThat(stats.path("localCandidateType").asText()).as(stats.toString()).isEqualTo("relay");
                assertThat(stats.path("remoteCandidateType").asText()).as(stats.toString()).isEqualTo("relay");
                for (JsonNode signal : phone.receivedSignals()) {
                    String text = signal.toString();
                    assertThat(text).doesNotContain("typ host", "typ srflx", "typ prflx");
                    ownAddresses.forEach(address -> assertThat(text).doesNotContain(address));
                }
            }
        }
    }

    /** Caller and callee each in their own browser: call, answer, and wait until the audio flows both ways. */
    private Talk talk(TestNode node) {
        var user = node.register("webrtc_user_" + NAMES.incrementAndGet(), "user");
        var agent = node.register("webrtc_agent_" + NAMES.incrementAndGet(), "agent");
        String roomId;
        try (var socket = SocketClient.connect(node.socketUri(), user.token())) {
            roomId = socket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}").path("data").path("roomId").asText();
        }
        var caller = callerBrowser.open(pages.phoneUrl());
        var callee = calleeBrowser.open(pages.phoneUrl());
        caller.connect(node.socketUri(), user.token());
        callee.connect(node.socketUri(), agent.token());

        var started = caller.start(roomId);
        var accepted = callee.answer();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (BrowserPhone phone : List.of(caller, callee)) {
                assertThat(phone.errors()).isEmpty();
                var stats = phone.stats();
                assertThat(stats.path("connectionState").asText()).as(stats.toString()).isEqualTo("connected");
                assertThat(stats.path("bytesSent").asLong()).as(stats.toString()).isGreaterThan(AUDIO_BYTES);
                assertThat(stats.path("bytesReceived").asLong()).as(stats.toString()).isGreaterThan(AUDIO_BYTES);
            }
        });
        return new Talk(started.path("rtc"), accepted.path("rtc"), caller, callee);
    }

    /** This machine's own addresses, loopback aside: what a peer must not learn with relay-only ICE. */
    private static List<String> machineAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .map(address -> address.contains("%") ? address.substring(0, address.indexOf('%')) : address)
                .toList();
    }
}
