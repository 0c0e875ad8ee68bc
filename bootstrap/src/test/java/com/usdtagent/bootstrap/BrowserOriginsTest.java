package com.usdtagent.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CORS_ALLOWED_ORIGINS over a real node: the HTTP API, Socket.IO's polling handshake and its websocket upgrade. */
class BrowserOriginsTest {

    private static final String PARTNER = "https://partner.example";
    private static final String FOREIGN = "https://evil.example";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.startAllowing(List.of(PARTNER));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theApiAnswersAPreflightFromAnAllowedOriginOnly() throws Exception {
        assertThat(preflight(PARTNER).headers().firstValue("Access-Control-Allow-Origin")).hasValue(PARTNER);
        assertThat(preflight(FOREIGN).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aForeignPageCannotOpenASocketByPollingAndIsNotEchoed() throws Exception {
        HttpResponse<String> refused = pollingHandshake(FOREIGN);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theServersOwnWebAppAndAnAllowedSiteOpenSockets() throws Exception {
        String ownWebApp = "http://127.0.0.1:" + node.httpPort();
        for (String origin : List.of(ownWebApp, PARTNER)) {
            HttpResponse<String> handshake = pollingHandshake(origin);
            assertThat(handshake.statusCode()).as(origin).isEqualTo(200);
            assertThat(handshake.body()).as(origin).contains("\"sid\"");
            assertThat(handshake.headers().firstValue("Access-Control-Allow-Origin")).as(origin).hasValue(origin);
        }
    }

    @Test
    void aWebsocketUpgradeFromAForeignOriginIsRefused() throws Exception {
        assertThatThrownBy(() -> websocket(FOREIGN)).isInstanceOf(CompletionException.class);
        websocket("http://127.0.0.1:" + node.httpPort()).abort();
    }

    private static WebSocket websocket(String origin) {
        return CLIENT.newWebSocketBuilder().header("Origin", origin)
                .buildAsync(URI.create("ws://127.0.0.1:" + node.socketPort() + "/socket.io/?EIO=4&transport=websocket"),
                        new WebSocket.Listener() { })
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static HttpResponse<String> pollingHandshake(String origin) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.socketPort()
                        + "/socket.io/?EIO=4&transport=polling")).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    }
}
