package com.usdtagent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.application.account.IssuedToken;
import com.usdtagent.application.account.SessionTokens;
import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.RegisterAccount;
import com.usdtagent.application.account.SignedIn;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.RateLimitedException;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRoutesTest extends RunningServerTest {

    private static final UserId ALICE = UserId.newId();
    private static final SignedIn ALICE_SIGNED_IN = new SignedIn(
            new SessionTokens(new IssuedToken("alice-token", Instant.parse("2030-01-01T00:00:00Z")), "alice-refresh", 900),
            new PublicProfile(ALICE, new Username("alice"), Role.AGENT));

    @Test
    void registerOpensTheAccountAndAnswers201WithTokenAndUser() {
        AtomicReference<RegisterAccount.Command> received = new AtomicReference<>();
        server.registerAccount = command -> {
            received.set(command);
            return ALICE_SIGNED_IN;
        };

        HttpResponse<String> response = server.post("/api/auth/register",
                "{\"username\":\"alice\",\"phone\":\"0415 555 0100\",\"password\":\"long enough\",\"role\":\"agent\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(received.get()).isEqualTo(
                new RegisterAccount.Command("alice", "0415 555 0100", "long enough", Role.AGENT, "127.0.0.1",
                        "Java-http-client/" + System.getProperty("java.version")));
        JsonNode body = server.json(response);
        assertThat(body.get("token").asText()).isEqualTo("alice-token");
        assertThat(body.get("refreshToken").asText()).isEqualTo("alice-refresh");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("user").get("id").asText()).isEqualTo(ALICE.toString());
        assertThat(body.get("user").get("username").asText()).isEqualTo("alice");
        assertThat(body.get("user").get("role").asText()).isEqualTo("agent");
        assertThat(body.get("user").has("phone")).isFalse();
    }

    @Test
    void logInAnswersWithTokenAndUserAndIgnoresUnknownProperties() {
        AtomicReference<LogIn.Command> received = new AtomicReference<>();
        server.logIn = command -> {
            received.set(command);
            return ALICE_SIGNED_IN;
        };

        HttpResponse<String> response = server.send(server.request("/api/auth/login")
                .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"alice\",\"password\":\"long enough\",\"rememberMe\":true}")));

        assertThat(response.statusCode()).isEqualTo(200);
        // no proxy is trusted: the header is the client's own word, and the connection's address counts
        assertThat(received.get()).isEqualTo(new LogIn.Command("alice", "long enough", "127.0.0.1",
                "Java-http-client/" + System.getProperty("java.version")));
        assertThat(server.json(response).get("token").asText()).isEqualTo("alice-token");
        assertThat(server.json(response).at("/user/role").asText()).isEqualTo("agent");
    }

    @Test
    void aThrottledLoginIs429WithRetryAfterInWholeSeconds() {
        server.logIn = command -> {
            throw new RateLimitedException("Too many failed logins; try again later", Duration.ofMillis(61_200));
        };

        HttpResponse<String> response = server.post("/api/auth/login", "{\"login\":\"alice\",\"password\":\"guess\"}");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("62");
        assertThat(server.json(response).at("/error/code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void meShowsTheCallersOwnAccountWithPhone() {
        server.showMyAccount = caller -> account(caller.id(), new PhoneNumber("+14155550100"), Role.USER);

        HttpResponse<String> response = server.getAsCaller("/api/me");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = server.json(response);
        assertThat(body.get("id").asText()).isEqualTo(TestServer.CALLER.id().toString());
        assertThat(body.get("username").asText()).isEqualTo("caller");
        assertThat(body.get("role").asText()).isEqualTo("user");
        assertThat(body.get("phone").asText()).isEqualTo("+14155550100");
    }

    @Test
    void meShowsANullPhoneForTheAdmin() {
        server.showMyAccount = caller -> account(caller.id(), null, Role.ADMIN);

        JsonNode body = server.json(server.getAsCaller("/api/me"));

        assertThat(body.get("role").asText()).isEqualTo("admin");
        assertThat(body.has("phone")).isTrue();
        assertThat(body.get("phone").isNull()).isTrue();
    }

    private static UserAccount account(UserId id, PhoneNumber phone, Role role) {
        return new UserAccount(id, new Username("caller"), phone, "hash", role, Instant.EPOCH);
    }
}
