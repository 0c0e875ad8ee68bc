package com.usdtagent.bootstrap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app keeps a person signed in past their short access token by refreshing it, and its Sign out ends the
 * session on the server, not only in the tab.
 */
class SessionInBrowserTest {

    private static final String SESSION_KEY = "usdt-agent.session";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebTestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = WebTestServer.start();
        browser = Browser.open("session");
    }

    @AfterAll
    static void stop() {
        try (var closingBrowser = browser; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithoutSigningOutAndSignOutEndsTheSession() {
        var account = server.register("tabbed_" + UUID.randomUUID().toString().substring(0, 6), "user");
        browser.go(server.appUrl());
        browser.type("Username or phone", account.username());
        browser.type("Password", account.password());
        browser.click("button", "Sign in");
        browser.byRole("button", "Sign out");
        JsonNode signedIn = storedSession();
        assertThat(signedIn.path("refreshToken").asText()).isNotBlank();

        // as if the 15 minutes had passed: the socket's connect and the next request are refused, once
        browser.script("const s = JSON.parse(sessionStorage.getItem(arguments[0])); s.token = 'expired';"
                + " sessionStorage.setItem(arguments[0], JSON.stringify(s));", SESSION_KEY);
        browser.reload();

        browser.waitFor("the app never refreshed its token",
                () -> !storedSession().path("refreshToken").asText().equals(signedIn.path("refreshToken").asText()));
        browser.byRole("button", "Sign out");
        browser.waitFor("the socket never came back", () -> !browser.has("status", "Connecting…"));
        String token = storedSession().path("token").asText();
        assertThat(server.status("/api/me", token)).isEqualTo(200);

        browser.click("button", "Sign out");

        browser.byRole("button", "Sign in");
        browser.waitFor("the session still works on the server", () -> server.status("/api/me", token) == 401);
        browser.assertNoConsoleErrors(Pattern.compile("401"));
    }

    private static JsonNode storedSession() {
        Object stored = browser.script("return sessionStorage.getItem(arguments[0]);", SESSION_KEY);
        try {
            return stored == null ? JSON.nullNode() : JSON.readTree((String) stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
