package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Offers, orders and escrow end to end: real HTTP and Socket.IO clients against the real server and PostgreSQL. */
class TradeTest {

    private static TestNode node;
    private static String admin;
    private final List<SocketClient> sockets = new ArrayList<>();
    private TestNode.Account agent;
    private TestNode.Account user;
    private SocketClient agentSocket;
    private SocketClient userSocket;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        admin = node.adminToken();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void pair() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        agent = node.register("agent_" + suffix, "agent");
        user = node.register("user_" + suffix, "user");
        agentSocket = connect(agent);
        userSocket = connect(user);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(SocketClient::close);
    }

    private SocketClient connect(TestNode.Account account) {
        var socket = SocketClient.connect(node.socketUri(), account.token());
        socket.awaitEvent("chat-room-list");
        sockets.add(socket);
        return socket;
    }

    private String offer(String side) {
        return Trades.offer(node, agent, side);
    }

    private void deposit(TestNode.Account account, String amount) {
        Trades.deposit(node, admin, account, amount);
    }

    private TestNode.Response place(String offerId, String amount, String key) {
        return Trades.place(node, user, offerId, amount, key);
    }

    private JsonNode placed(String offerId, String amount) {
        return Trades.placed(node, user, offerId, amount);
    }

    private JsonNode step(String orderId, String step, TestNode.Account by) {
        return step(orderId, step, by, "{}", 200);
    }

    private JsonNode step(String orderId, String step, TestNode.Account by, String body, int status) {
        var response = node.post("/api/orders/" + orderId + "/" + step, body, by.token());
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(status);
        return response.json();
    }

    private void assertWallet(TestNode.Account account, String available, String locked) {
        Trades.assertWallet(node, account, available, locked);
    }

    /** Both parties got {@code order-updated} in this status, and the room's system message for it. */
    private void assertBothToldOf(String orderId, String status) {
        for (SocketClient socket : List.of(agentSocket, userSocket)) {
            socket.awaitEvent("order-updated", payload -> payload.path("order").path("id").asText().equals(orderId)
                    && payload.path("order").path("status").asText().equals(status));
            socket.awaitEvent("new-message", payload -> payload.path("message").path("type").asText().equals("system")
                    && payload.path("message").path("meta").path("orderId").asText().equals(orderId)
                    && payload.path("message").path("meta").path("orderStatus").asText().equals(status));
        }
    }

    @Test
    void aUserBuysFromASellOfferFromOfferToCompletion() {
        String offerId = offer("SELL");
        var listed = node.get("/api/offers?side=SELL&fiatCurrency=USD&usdtAmount=50", user.token()).json().path("offers");
        JsonNode mine = null;
        for (JsonNode offer : listed) {
            if (offer.path("id").asText().equals(offerId)) {
                mine = offer;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("price").isTextual()).isTrue();
        assertThat(mine.path("agent").path("online").asBoolean()).isTrue();
        assertThat(mine.path("paymentWindowMinutes").asInt()).isEqualTo(15);

        assertThat(place(offerId, "50", "k1").json().path("error").path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        deposit(agent, "100");
        assertWallet(agent, "100", "0");

        var first = place(offerId, "50.5", "k1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var order = first.json();
        String orderId = order.path("id").asText();
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("usdtAmount").asText()).isEqualTo("50.5");
        // 50.5 x 1.07 = 54.035, half-up to cents
        assertThat(order.path("fiatAmount").asText()).isEqualTo("54.04");
        assertThat(order.path("seller").path("id").asText()).isEqualTo(agent.id());
        assertThat(order.path("buyer").path("id").asText()).isEqualTo(user.id());
        assertWallet(agent, "49.5", "50.5");
        assertBothToldOf(orderId, "PENDING_PAYMENT");

        var retry = place(offerId, "50.5", "k1");
        assertThat(retry.json().path("id").asText()).isEqualTo(orderId);
        assertWallet(agent, "49.5", "50.5");

        step(orderId, "paid", agent, "{}", 403);
        step(orderId, "paid", user);
        assertBothToldOf(orderId, "PAID");
        step(orderId, "release", user, "{}", 403);
        var completed = step(orderId, "release", agent);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(step(orderId, "release", agent, "{}", 409).path("error").path("code").asText()).isEqualTo("INVALID_STATE");
        assertBothToldOf(orderId, "COMPLETED");
        assertWallet(agent, "49.5", "0");
        assertWallet(user, "50.5", "0");

        var shown = node.get("/api/orders/" + orderId, user.token()).json();
        assertThat(shown.path("audit").findValuesAsText("status")).containsExactly("PENDING_PAYMENT", "PAID", "COMPLETED");
        assertThat(shown.path("audit").findValuesAsText("actor")).containsExactly(user.id(), user.id(), agent.id());
        assertThat(node.get("/api/orders?status=COMPLETED", agent.token()).json().path("orders").findValuesAsText("id"))
                .contains(orderId);
        var entries = node.get("/api/wallet/entries", user.token()).json().path("entries");
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("RELEASE");
        assertThat(entries.get(0).path("amount").asText()).isEqualTo("50.5");
    }

    @Test
    void aUserSellsToABuyOfferAndTheirOwnUsdtIsWhatGoesInEscrow() {
        String offerId = offer("BUY");
        assertThat(place(offerId, "20", "k").status()).isEqualTo(409);
        deposit(user, "20");
        String orderId = placed(offerId, "20").path("id").asText();
        assertWallet(user, "0", "20");
        step(orderId, "cancel", user, "{}", 403);
        step(orderId, "paid", agent);
        step(orderId, "release", user);
        assertBothToldOf(orderId, "COMPLETED");
        assertWallet(user, "0", "0");
        assertWallet(agent, "20", "0");
    }

    @Test
    void theBuyerCancelsAndTheEscrowGoesBack() {
        deposit(agent, "30");
        String orderId = placed(offer("SELL"), "30").path("id").asText();
        assertWallet(agent, "0", "30");
        assertThat(step(orderId, "cancel", user).path("cancelledAt").isNull()).isFalse();
        assertBothToldOf(orderId, "CANCELLED");
        assertWallet(agent, "30", "0");
        step(orderId, "cancel", user, "{}", 409);
        step(orderId, "paid", user, "{}", 409);
    }

    @Test
    void anOrderNotPaidInItsWindowIsCancelledByTheServerAndAPaidOneIsNot() {
        deposit(agent, "40");
        String offerId = offer("SELL");
        String unpaid = placed(offerId, "20").path("id").asText();
        String paid = placed(offerId, "20").path("id").asText();
        step(paid, "paid", user);

        // the window passing, without waiting the offer's minutes
        node.execute("UPDATE trade_order SET payment_window_ends_at = now() - interval '1 second' WHERE id IN ('%s', '%s')"
                .formatted(unpaid, paid));

        await().atMost(Duration.ofSeconds(10)).until(() ->
                node.get("/api/orders/" + unpaid, user.token()).json().path("status").asText().equals("CANCELLED"));
        assertBothToldOf(unpaid, "CANCELLED");
        var expired = node.get("/api/orders/" + unpaid, agent.token()).json();
        assertThat(expired.path("audit").get(1).path("actor").isNull()).isTrue();
        assertWallet(agent, "20", "20");
        step(unpaid, "paid", user, "{}", 409);
        assertThat(node.get("/api/orders/" + paid, user.token()).json().path("status").asText()).isEqualTo("PAID");
    }

    @Test
    void thePaymentWindowOutlivesARestart() {
        deposit(agent, "10");
        String orderId = placed(offer("SELL"), "10").path("id").asText();

        node.restart(() -> node.execute(
                "UPDATE trade_order SET payment_window_ends_at = now() - interval '1 second' WHERE id = '%s'"
                        .formatted(orderId)));

        await().atMost(Duration.ofSeconds(10)).until(() ->
                node.get("/api/orders/" + orderId, user.token()).json().path("status").asText().equals("CANCELLED"));
        assertWallet(agent, "10", "0");
    }

    @Test
    void anAppealIsResolvedByAnAdminEitherWay() {
        deposit(agent, "100");
        String offerId = offer("SELL");
        String released = placed(offerId, "60").path("id").asText();
        String refunded = placed(offerId, "40").path("id").asText();
        step(released, "paid", user);
        step(refunded, "paid", user);

        var appealed = step(released, "appeal", agent, "{\"reason\":\"No money arrived\"}", 200);
        assertThat(appealed.path("appeal").path("by").asText()).isEqualTo(agent.id());
        assertBothToldOf(released, "APPEAL");
        step(released, "release", agent, "{}", 409);
        var byUser = node.post("/api/admin/orders/" + released + "/resolve", "{\"outcome\":\"RELEASE\"}", user.token());
        assertThat(byUser.status()).isEqualTo(403);
        var resolved = node.post("/api/admin/orders/" + released + "/resolve", "{\"outcome\":\"RELEASE\"}", admin);
        assertThat(resolved.json().path("status").asText()).isEqualTo("COMPLETED");
        assertBothToldOf(released, "COMPLETED");
        assertWallet(user, "60", "0");
        assertWallet(agent, "0", "40");

        step(refunded, "appeal", user, "{\"reason\":\"Seller asks for more\"}", 200);
        var refund = node.post("/api/admin/orders/" + refunded + "/resolve", "{\"outcome\":\"REFUND\"}", admin);
        assertThat(refund.json().path("status").asText()).isEqualTo("REFUNDED");
        assertBothToldOf(refunded, "REFUNDED");
        assertWallet(agent, "40", "0");
        assertWallet(user, "60", "0");
    }

    @Test
    void refusalsFollowTheContract() {
        String offerId = offer("SELL");
        var outside = place(offerId, "9.99", "k");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("error").path("details").findValuesAsText("field")).containsExactly("usdtAmount");
        var noKey = node.post("/api/orders", "{\"offerId\":\"%s\",\"usdtAmount\":\"10\"}".formatted(offerId), user.token());
        assertThat(noKey.status()).isEqualTo(400);
        var tooPrecise = place(offerId, "10.0000001", "k");
        assertThat(tooPrecise.status()).isEqualTo(400);
        var asNumber = node.post("/api/orders", "{\"offerId\":\"%s\",\"usdtAmount\":10}".formatted(offerId),
                user.token(), "k");
        assertThat(asNumber.status()).isEqualTo(400);
        assertThat(node.post("/api/offers", """
                {"side":"SELL","fiatCurrency":"USD","price":"1","minUsdt":"10","maxUsdt":"5","paymentMethods":["x"]}""",
                agent.token()).status()).isEqualTo(400);
        assertThat(node.post("/api/offers", """
                {"side":"SELL","fiatCurrency":"USD","price":"1","minUsdt":"1","maxUsdt":"5","paymentMethods":["x"]}""",
                user.token()).status()).isEqualTo(403);

        var paused = node.patch("/api/offers/" + offerId, "{\"status\":\"PAUSED\"}", agent.token());
        assertThat(paused.json().path("status").asText()).isEqualTo("PAUSED");
        assertThat(node.patch("/api/offers/" + offerId, "{\"price\":\"2\"}", user.token()).status()).isEqualTo(403);
        assertThat(place(offerId, "10", "k2").json().path("error").path("code").asText()).isEqualTo("INVALID_STATE");
        assertThat(node.get("/api/offers?side=SELL", user.token()).json().path("offers").findValuesAsText("id"))
                .doesNotContain(offerId);
        var deposit = node.post("/api/admin/wallets/" + user.id() + "/deposit", "{\"amount\":\"1\",\"reference\":\"r\"}",
                user.token());
        assertThat(deposit.status()).isEqualTo(403);
    }
}
