package com.usdtagent.bootstrap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call from the web app on a server with {@code VOICE_PROVIDER=agora}. Agora's servers cannot be reached from
 * here, so no sound flows: the test proves the app loads Agora's SDK only for the call, asks Agora's gateway to
 * join with exactly what the server handed out (read from Chromium's network log: the socket frame of the
 * call-start ack and the SDK's request), and tells the person when Agora cannot be reached. The agent answers
 * from a socket, as a phone would.
 */
class AgoraCallInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SDK = "/vendor/agora-rtc-sdk-ng.esm.js";
    private static final Pattern AGORA_HOSTS = Pattern.compile("^https://[^ /]*\\.(agora\\.io|sd-rtn\\.com)/");
    /**
     * The only console errors allowed: Chromium's own for each request of the SDK to Agora's hosts, which do not
     * resolve here (a refusal by the page's CSP would read "Refused to connect" and still fail the test).
     */
    private static final Pattern AGORA_UNREACHABLE = Pattern.compile(AGORA_HOSTS.pattern()
            + "\\S* - Failed to load resource: net::ERR_NAME_NOT_RESOLVED$");

    private static WebTestServer server;
    private static Browser user;

    @BeforeAll
    static void start() {
        server = WebTestServer.startWithAgora();
        user = Browser.open("agora-user");
    }

    @AfterAll
    static void stop() {
        try (var closingUser = user; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void aCallJoinsTheServersAgoraChannelAndSaysWhenAgoraCannotBeReached() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var agent = server.register("ann_" + suffix, "agent");
        var bob = server.register("bob_" + suffix, "user");
        try (var agentPhone = server.connect(agent)) {
            agentPhone.roomWith(bob);
            user.go(server.appUrl());
            user.type("Username or phone", bob.username());
            user.type("Password", bob.password());
            user.click("button", "Sign in");
            user.click("link", "Chats");
            user.within(user.within("list", "Conversations").item(agent.username())).click("link", agent.username());
            user.byRole("button", "Call");
            assertThat(user.loadedScripts()).as("scripts before a call").noneMatch(name -> name.contains(SDK));

            user.click("button", "Call");
            user.sees("Calling " + agent.username());
            JsonNode accepted = agentPhone.acceptCall();
            assertThat(accepted.path("rtc").path("provider").asText()).isEqualTo("agora");
            user.byRole("timer", "");

            JsonNode rtc = callStartRtc();
            assertThat(rtc.path("channelName").asText()).isEqualTo(accepted.path("rtc").path("channelName").asText());
            assertThat(rtc.path("token").asText()).isNotBlank();
            user.waitFor("the app never loaded Agora's SDK",
                    () -> user.loadedScripts().stream().anyMatch(name -> name.contains(SDK)));
            user.waitFor("the SDK never asked Agora's gateway to join", () -> gatewayRequest().isPresent());
            JsonNode join = gatewayRequest().orElseThrow();
            JsonNode channel = join.path("request_bodies").get(0).path("buffer");
            assertThat(join.path("appid").asText()).isEqualTo(rtc.path("appId").asText());
            assertThat(channel.path("cname").asText()).isEqualTo(rtc.path("channelName").asText());
            assertThat(channel.path("key").asText()).isEqualTo(rtc.path("token").asText());
            assertThat(channel.path("uid").asLong()).isEqualTo(rtc.path("uid").asLong());

            user.sees("Connecting audio…");
            // the app gives up on joining after 10 seconds and says so
            user.waitFor("the person was never told the audio failed", Duration.ofSeconds(20),
                    () -> user.within("region", "Call").text().contains("No audio: the connection failed"));
            user.click("button", "Hang up");
            user.sees("Call with " + agent.username() + " ended");
        }
        user.assertNoConsoleErrors(AGORA_UNREACHABLE);
    }

    /** The rtc of the call-start ack, as the page received it on its socket. */
    private static JsonNode callStartRtc() {
        List<JsonNode> frames = user.networkEvents("Network.webSocketFrameReceived");
        for (JsonNode frame : frames) {
            String payload = frame.path("response").path("payloadData").asText();
            if (payload.contains("\"provider\":\"agora\"")) {
                return parse(payload.substring(payload.indexOf('['))).findPath("rtc");
            }
        }
        throw new AssertionError("no call-start ack with an Agora rtc among " + frames.size() + " socket frames");
    }

    /**
     * The join the SDK asked Agora's gateway for: the JSON of the "request" field of its multipart POST to
     * {@code /api/v2/transpond/webrtc} (appid, and the channel's cname, key and uid).
     */
    private static Optional<JsonNode> gatewayRequest() {
        return user.networkEvents("Network.requestWillBeSent").stream()
                .map(event -> event.path("request"))
                .filter(request -> AGORA_HOSTS.matcher(request.path("url").asText()).find()
                        && request.path("url").asText().contains("/api/v2/transpond/webrtc"))
                .map(request -> request.path("postData").asText())
                .map(body -> body.substring(body.indexOf("name=\"request\"")))
                .map(field -> parse(field.substring(field.indexOf('{'), field.lastIndexOf('}') + 1)))
                .findFirst();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
