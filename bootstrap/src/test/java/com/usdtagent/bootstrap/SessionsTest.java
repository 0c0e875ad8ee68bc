package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions over real HTTP and Socket.IO on PostgreSQL: refresh, reuse, logout, password change, bans and blocks. */
class SessionsTest {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void loginAnswersAShortTokenAndARefreshTokenThatRotates() {
        var account = register("rotating");
        JsonNode login = logIn(account);
        assertThat(login.path("refreshToken").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(login.path("expiresIn").asLong()).isBetween(3599L, 3600L);

        var refreshed = refresh(login.path("refreshToken").asText());
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().path("refreshToken").asText();
        assertThat(newRefresh).isNotEqualTo(login.path("refreshToken").asText());
        assertThat(node.get("/api/me", refreshed.json().path("token").asText()).status()).isEqualTo(200);
        assertThat(refresh(newRefresh).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenUsedTwiceEndsTheWholeSessionAndDropsItsSockets() {
        var account = register("stolen");
        JsonNode login = logIn(account);
        String first = login.path("refreshToken").asText();
        var rotated = refresh(first).json();
        try (var socket = SocketClient.connect(node.socketUri(), rotated.path("token").asText())) {
            assertThat(refresh(first).status()).isEqualTo(401);

            assertThat(refresh(rotated.path("refreshToken").asText()).status()).isEqualTo(401);
            assertThat(node.get("/api/me", rotated.path("token").asText()).status()).isEqualTo(401);
            awaitDisconnected(socket);
        }
    }

    @Test
    void logoutRefusesTheAccessTokenAtOnceOverHttpAndSocketIo() {
        var account = register("leaving");
        String token = logIn(account).path("token").asText();
        String otherDevice = logIn(account).path("token").asText();
        try (var socket = SocketClient.connect(node.socketUri(), token)) {
            assertThat(node.post("/api/auth/logout", "{}", token).status()).isEqualTo(204);

            assertThat(node.get("/api/me", token).status()).isEqualTo(401);
            awaitDisconnected(socket);
            var again = SocketClient.attempt(node.socketUri(), token, "websocket");
            assertThat(again.awaitConnectError().path("data").path("code").asText()).isEqualTo("UNAUTHORIZED");
            again.close();
            assertThat(node.get("/api/me", otherDevice).status()).isEqualTo(200);
        }
    }

    @Test
    void sessionsAreListedAndOneCanBeEnded() {
        var account = register("listing");
        String phone = logIn(account).path("token").asText();
        String laptop = logIn(account).path("token").asText();

        JsonNode sessions = node.get("/api/sessions", laptop).json().path("sessions");
        // the registration's session, and the two logins
        assertThat(sessions).hasSize(3);
        assertThat(sessions.findValues("current").stream().filter(JsonNode::asBoolean)).hasSize(1);
        String phoneSession = null;
        for (JsonNode session : node.get("/api/sessions", phone).json().path("sessions")) {
            if (session.path("current").asBoolean()) {
                phoneSession = session.path("id").asText();
            }
        }

        assertThat(node.delete("/api/sessions/" + phoneSession, laptop).status()).isEqualTo(204);

        assertThat(node.get("/api/me", phone).status()).isEqualTo(401);
        assertThat(node.get("/api/me", laptop).status()).isEqualTo(200);
        assertThat(node.delete("/api/sessions/" + UUID.randomUUID(), laptop).status()).isEqualTo(404);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        var account = register("rekeying");
        String here = logIn(account).path("token").asText();
        String there = logIn(account).path("token").asText();

        assertThat(node.post("/api/me/password", """
                {"currentPassword":"wrong-password","newPassword":"another-password"}""", here).status())
                .isEqualTo(400);
        assertThat(node.post("/api/me/password", """
                {"currentPassword":"password-%s","newPassword":"short"}""".formatted(account.username()), here)
                .status()).isEqualTo(400);
        assertThat(node.post("/api/me/password", """
                {"currentPassword":"password-%s","newPassword":"another-password"}""".formatted(account.username()),
                here).status()).isEqualTo(204);

        assertThat(node.get("/api/me", there).status()).isEqualTo(401);
        assertThat(node.get("/api/me", here).status()).isEqualTo(200);
        assertThat(node.post("/api/auth/login", """
                {"login":"%s","password":"another-password"}""".formatted(account.username()), null).status())
                .isEqualTo(200);
    }

    @Test
    void theRoleComesFromTheAccountNotFromTheToken() {
        var account = register("promoted");
        String token = logIn(account).path("token").asText();
        assertThat(node.get("/api/admin/reports", token).status()).isEqualTo(403);

        node.execute("UPDATE user_account SET role = 'admin' WHERE id = '" + account.id() + "'");

        awaitStatus(() -> node.get("/api/admin/reports", token).status(), 200);
    }

    @Test
    void aSocketWhoseSessionEndedWithoutAPushIsRefusedAtItsNextEvent() {
        var user = register("unpushed");
        try (var socket = SocketClient.connect(node.socketUri(), user.token())) {
            assertThat(socket.call("chat-room-list", "{}").path("ok").asBoolean()).isTrue();

            // as if the revocation's message to this node had been lost
            node.execute("UPDATE login_session SET revoked_at = now() WHERE user_id = '" + user.id() + "'");

            awaitStatus(() -> socket.call("chat-room-list", "{}").path("error").path("code").asText()
                    .equals("UNAUTHORIZED") ? 1 : 0, 1);
            awaitDisconnected(socket);
        }
    }

    @Test
    void aBannedAccountLosesItsSessionsAndSocketsAndCannotLogInUntilUnbanned() {
        var account = register("banned");
        String token = logIn(account).path("token").asText();
        String admin = node.adminToken();
        try (var socket = SocketClient.connect(node.socketUri(), token)) {
            assertThat(node.post("/api/admin/users/" + account.id() + "/ban", "{\"reason\":\"spam\"}", token).status())
                    .isEqualTo(403);
            assertThat(node.post("/api/admin/users/" + account.id() + "/ban", "{\"reason\":\"spam\"}", admin).status())
                    .isEqualTo(204);

            assertThat(node.get("/api/me", token).status()).isEqualTo(401);
            awaitDisconnected(socket);
            var login = node.post("/api/auth/login", loginBody(account), null);
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.json().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(node.post("/api/admin/users/" + account.id() + "/unban", "{}", admin).status()).isEqualTo(204);
        assertThat(node.post("/api/auth/login", loginBody(account), null).status()).isEqualTo(200);
    }

    @Test
    void aBlockInEitherDirectionRefusesNewRoomsAndMessagesButKeepsHistory() {
        var agent = register("blocking_agent", "agent");
        var user = register("blocked_user", "user");
        try (var userSocket = SocketClient.connect(node.socketUri(), user.token());
             var agentSocket = SocketClient.connect(node.socketUri(), agent.token())) {
            var room = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}");
            String roomId = room.path("data").path("roomId").asText();
            assertThat(userSocket.call("send-message", message(roomId)).path("ok").asBoolean()).isTrue();

            assertThat(node.post("/api/blocks", "{\"userId\":\"" + user.id() + "\"}", agent.token()).status())
                    .isEqualTo(204);
            assertThat(node.get("/api/blocks", agent.token()).json().path("blocks").get(0).path("user").path("id")
                    .asText()).isEqualTo(user.id());

            for (var socket : new SocketClient[] {userSocket, agentSocket}) {
                var refused = socket.call("send-message", message(roomId));
                assertThat(refused.path("error").path("code").asText()).isEqualTo("FORBIDDEN");
                assertThat(refused.path("error").path("message").asText()).contains("blocked");
            }
            assertThat(userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}")
                    .path("error").path("code").asText()).isEqualTo("FORBIDDEN");
            var history = userSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}");
            assertThat(history.path("ok").asBoolean()).as(history.toString()).isTrue();

            assertThat(node.delete("/api/blocks/" + user.id(), agent.token()).status()).isEqualTo(204);
            assertThat(userSocket.call("send-message", message(roomId)).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aBlockInEitherDirectionRefusesNewOrdersAndCallsAndHidesTheBlockersOffers() {
        var agent = register("selling_agent", "agent");
        var user = register("buying_user", "user");
        Trades.deposit(node, node.adminToken(), agent, "1000");
        String offerId = Trades.offer(node, agent, "SELL");
        String roomId;
        try (var userSocket = SocketClient.connect(node.socketUri(), user.token())) {
            roomId = userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}")
                    .path("data").path("roomId").asText();
            assertThat(offersListedTo(user)).contains(offerId);

            node.post("/api/blocks", "{\"userId\":\"" + user.id() + "\"}", agent.token());

            assertThat(offersListedTo(user)).doesNotContain(offerId);
            assertThat(offersListedTo(register("other_user"))).contains(offerId);
            assertRefusedAsBlocked(Trades.place(node, user, offerId, "20", UUID.randomUUID().toString()));
            assertThat(userSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}").path("error").path("code")
                    .asText()).isEqualTo("FORBIDDEN");

            node.delete("/api/blocks/" + user.id(), agent.token());
            node.post("/api/blocks", "{\"userId\":\"" + agent.id() + "\"}", user.token());

            assertRefusedAsBlocked(Trades.place(node, user, offerId, "20", UUID.randomUUID().toString()));
            try (var agentSocket = SocketClient.connect(node.socketUri(), agent.token())) {
                assertThat(agentSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}").path("error")
                        .path("code").asText()).isEqualTo("FORBIDDEN");
            }
            node.delete("/api/blocks/" + agent.id(), user.token());
            assertThat(Trades.place(node, user, offerId, "20", UUID.randomUUID().toString()).status()).isEqualTo(201);
        }
    }

    @Test
    void banningAnAgentPausesTheirOffersAndHandsTheirOpenOrdersToTheAdmins() {
        var agent = register("banned_agent", "agent");
        var user = register("their_buyer", "user");
        String admin = node.adminToken();
        Trades.deposit(node, admin, agent, "1000");
        String offerId = Trades.offer(node, agent, "SELL");
        String orderId = Trades.placed(node, user, offerId, "50").path("id").asText();

        assertThat(node.post("/api/admin/users/" + agent.id() + "/ban", "{\"reason\":\"fraud\"}", admin).status())
                .isEqualTo(204);

        assertThat(node.get("/api/offers/" + offerId, user.token()).json().path("status").asText())
                .isEqualToIgnoringCase("paused");
        JsonNode order = node.get("/api/orders/" + orderId, user.token()).json();
        assertThat(order.path("status").asText()).isEqualTo("APPEAL");
        // the escrow stays locked until an admin settles the appeal, here back to the banned seller
        Trades.assertWallet(node, user, "0", "0");
        assertThat(node.post("/api/admin/orders/" + orderId + "/resolve", "{\"outcome\":\"REFUND\"}", admin)
                .status()).isEqualTo(200);
        assertThat(node.get("/api/orders/" + orderId, user.token()).json().path("status").asText())
                .isEqualTo("REFUNDED");
    }

    private static void assertRefusedAsBlocked(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("error").path("message").asText()).contains("blocked");
    }

    private static String offersListedTo(HttpApi.Account viewer) {
        return node.get("/api/offers?side=SELL&fiatCurrency=USD", viewer.token()).body();
    }

    @Test
    void reportsAreTakenFromAnyoneAndListedToAdmins() {
        var reporter = register("reporter");
        var reported = register("reported");
        String body = "{\"userId\":\"%s\",\"reason\":\"%s\"}";

        assertThat(node.post("/api/reports", body.formatted(reported.id(), "short"), reporter.token()).status())
                .isEqualTo(400);
        var created = node.post("/api/reports", body.formatted(reported.id(), "asked me to pay outside the app"),
                reporter.token());
        assertThat(created.status()).isEqualTo(201);

        assertThat(node.post("/api/reports", """
                {"userId":"%s","roomId":"%s","reason":"about a room that is not mine"}""".formatted(reported.id(),
                UUID.randomUUID()), reporter.token()).status()).isEqualTo(404);
        assertThat(node.get("/api/admin/reports", reporter.token()).status()).isEqualTo(403);
        JsonNode listed = node.get("/api/admin/reports", node.adminToken()).json().path("reports");
        assertThat(listed.toString()).contains(created.json().path("id").asText(), reported.id(),
                "asked me to pay outside the app");
    }

    private static String message(String roomId) {
        return "{\"roomId\":\"" + roomId + "\",\"text\":\"hello\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}";
    }

    private static HttpApi.Account register(String name) {
        return register(name, "user");
    }

    private static HttpApi.Account register(String name, String role) {
        return node.register(name + "_" + UUID.randomUUID().toString().substring(0, 6), role);
    }

    private static String loginBody(HttpApi.Account account) {
        return """
                {"login":"%s","password":"password-%s"}""".formatted(account.username(), account.username());
    }

    private static JsonNode logIn(HttpApi.Account account) {
        var response = node.post("/api/auth/login", loginBody(account), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static HttpApi.Response refresh(String refreshToken) {
        return node.post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }

    private static void awaitDisconnected(SocketClient socket) {
        awaitStatus(() -> socket.isConnected() ? 1 : 0, 0);
    }

    private static void awaitStatus(IntSupplier status, int wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (status.getAsInt() != wanted) {
            assertThat(Instant.now()).as("still not " + wanted).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
