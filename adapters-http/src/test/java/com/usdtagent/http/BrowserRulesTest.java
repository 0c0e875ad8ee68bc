package com.usdtagent.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser is told: CORS for the allowed sites only, JSON only as JSON, no sniffing, no caching of private answers. */
class BrowserRulesTest {

    private static final String ALLOWED = "https://partner.example";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(List.of(ALLOWED), OptionalInt.empty(), Optional.empty());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = preflight(ALLOWED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
    }

    @Test
    void aPreflightOrRequestFromAnyOtherOriginGetsNoCorsHeaders() {
        assertThat(preflight("https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> read = server.send(server.request("/api/me")
                .header("Authorization", "Bearer " + TestServer.VALID_TOKEN).header("Origin", "https://evil.example"));
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aJsonRouteRefusesATextPlainBodyWith415AndDoesNotCallTheUseCase() {
        HttpResponse<String> response = server.send(server.request("/api/auth/login")
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"alice\",\"password\":\"secret-pass\"}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(server.json(response).at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aJsonBodyWithACharsetIsStillJson() {
        server.logIn = command -> {
            throw new com.usdtagent.domain.shared.BusinessException(
                    com.usdtagent.domain.shared.ErrorCode.UNAUTHORIZED, "Wrong login or password");
        };
        HttpResponse<String> response = server.send(server.request("/api/auth/login")
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"alice\",\"password\":\"secret-pass\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void everyAnswerForbidsSniffingAndApiAnswersAreNotStored() {
        HttpResponse<String> api = server.get("/api/me");
        HttpResponse<String> page = server.get("/");
        HttpResponse<String> missing = server.get("/no/such/route");

        assertThat(List.of(api, page, missing)).allSatisfy(response ->
                assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff"));
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void headIsNoWayAroundAuthentication() {
        HttpResponse<String> response = server.send(server.request("/api/me")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isIn(401, 404, 405);
    }

    private static HttpResponse<String> preflight(String origin) {
        return server.send(server.request("/api/me").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    }
}
