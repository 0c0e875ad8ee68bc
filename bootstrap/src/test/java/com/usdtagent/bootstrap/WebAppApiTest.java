package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server does for the web app: its files and policy, and the reads its pages need, over real HTTP. */
class WebAppApiTest {

    private static TestNode node;
    private static String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        node = TestNode.start();
        admin = node.adminToken();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheAppWithAPolicyThatLetsItReachOnlyItselfTheSocketAndTheCallProvider() throws Exception {
        var page = fetch("/");
        String socket = "127.0.0.1:" + node.socketPort();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/js/main.js\"></script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        // this node carries calls with Agora (TestNode's settings): its Web SDK may reach Agora's domains, no others
        assertThat(policy).contains("script-src 'self';", "style-src 'self';", "default-src 'none';",
                "connect-src 'self' http://" + socket + " ws://" + socket
                        + " https://*.agora.io wss://*.agora.io https://*.sd-rtn.com wss://*.sd-rtn.com;");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(fetch("/vendor/socket.io.esm.min.js").statusCode()).isEqualTo(200);
        assertThat(fetch("/vendor/socket.io-client.LICENSE").body()).contains("MIT License");

        var config = fetch("/app-config.json");
        assertThat(config.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(node.get("/app-config.json", null).json().path("socketUrl").asText()).isEqualTo("http://" + socket);
    }

    @Test
    void anAgentSeesTheirOwnOffersPausedToo() {
        var agent = node.register("own_" + suffix(), "agent");
        var other = node.register("other_" + suffix(), "agent");
        String paused = Trades.offer(node, agent, "SELL");
        String active = Trades.offer(node, agent, "BUY");
        Trades.offer(node, other, "SELL");
        assertThat(node.patch("/api/offers/" + paused, "{\"status\":\"PAUSED\"}", agent.token()).status()).isEqualTo(200);

        List<String> own = ids(node.get("/api/me/offers", agent.token()).json().path("offers"));
        assertThat(own).containsExactly(active, paused);
        var one = node.get("/api/offers/" + paused, other.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("status").asText()).isEqualTo("PAUSED");
        assertThat(one.json().path("paymentMethods").get(0).asText()).isEqualTo("bank transfer");
        assertThat(node.get("/api/offers/" + UUID.randomUUID(), other.token()).status()).isEqualTo(404);
        assertThat(node.get("/api/me/offers", null).status()).isEqualTo(401);
    }

    @Test
    void anAdminFindsAnAccountByUsernameAndNobodyElseMay() {
        var agent = node.register("Findable_" + suffix(), "agent");

        var found = node.get("/api/admin/users?username=" + agent.username().toLowerCase(), admin).json().path("users");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo(agent.id());
        assertThat(found.get(0).path("username").asText()).isEqualTo(agent.username());
        assertThat(found.get(0).has("phone")).isFalse();
        assertThat(node.get("/api/admin/users?username=nobody_" + suffix(), admin).json().path("users")).isEmpty();
        assertThat(node.get("/api/admin/users?username=a", admin).json().at("/error/details/0/field").asText())
                .isEqualTo("username");
        assertThat(node.get("/api/admin/users", admin).status()).isEqualTo(400);
        assertThat(node.get("/api/admin/users?username=" + agent.username(), agent.token()).status()).isEqualTo(403);
    }

    @Test
    void anAdminReadsTheConversationOfAnAppealedOrderOnly() {
        var agent = node.register("seller_" + suffix(), "agent");
        var user = node.register("buyer_" + suffix(), "user");
        Trades.deposit(node, admin, agent, "100");
        JsonNode order = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "20");
        String orderId = order.path("id").asText();
        String roomId = order.path("roomId").asText();
        try (var userSocket = SocketClient.connect(node.socketUri(), user.token())) {
            for (int i = 1; i <= 3; i++) {
                userSocket.call("send-message", """
                        {"roomId":"%s","clientMessageId":"m%d","text":"paid, see receipt %d"}""".formatted(roomId, i, i));
            }
        }
        String path = "/api/admin/orders/" + orderId + "/messages";
        assertThat(node.get(path, admin).json().at("/error/code").asText()).isEqualTo("FORBIDDEN");

        node.post("/api/orders/" + orderId + "/paid", "{}", user.token());
        assertThat(node.post("/api/orders/" + orderId + "/appeal", "{\"reason\":\"The seller does not answer\"}",
                user.token()).status()).isEqualTo(200);

        var newest = node.get(path + "?limit=3", admin).json();
        assertThat(newest.path("roomId").asText()).isEqualTo(roomId);
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        List<String> texts = new ArrayList<>();
        newest.path("messages").forEach(message -> texts.add(message.path("text").asText()));
        assertThat(texts).hasSize(3).contains("paid, see receipt 3");
        assertThat(newest.at("/messages/0/seq").asLong()).isLessThan(newest.at("/messages/2/seq").asLong());
        JsonNode receipt = newest.path("messages").get(texts.indexOf("paid, see receipt 3"));
        assertThat(receipt.path("senderId").asText()).isEqualTo(user.id());
        assertThat(receipt.path("status").asText()).isEqualTo("sent"); // the agent never connected
        var older = node.get(path + "?before=" + newest.at("/messages/0/seq").asLong(), admin).json();
        assertThat(older.path("hasMore").asBoolean()).isFalse();
        assertThat(older.at("/messages/0/seq").asLong()).isEqualTo(1);

        assertThat(node.get(path, user.token()).status()).isEqualTo(403);
        assertThat(node.get(path + "?limit=101", admin).json().at("/error/details/0/field").asText()).isEqualTo("limit");
        assertThat(node.get("/api/admin/orders/" + UUID.randomUUID() + "/messages", admin).status()).isEqualTo(404);
    }

    @Test
    void theOrdersOfOneConversationAreTheCallersOrdersInItsRoom() {
        var agent = node.register("room_" + suffix(), "agent");
        var user = node.register("party_" + suffix(), "user");
        var other = node.register("other_" + suffix(), "user");
        Trades.deposit(node, admin, agent, "200");
        String offer = Trades.offer(node, agent, "SELL");
        JsonNode first = Trades.placed(node, user, offer, "10");
        JsonNode second = Trades.placed(node, user, offer, "20");
        Trades.placed(node, other, offer, "30");
        String room = "/api/orders?roomId=" + first.path("roomId").asText();

        assertThat(ids(node.get(room, agent.token()).json().path("orders")))
                .containsExactly(second.path("id").asText(), first.path("id").asText());
        assertThat(ids(node.get(room, user.token()).json().path("orders"))).hasSize(2);
        assertThat(ids(node.get(room, other.token()).json().path("orders"))).isEmpty();
        assertThat(node.get(room + "&status=COMPLETED", user.token()).json().path("orders")).isEmpty();
        assertThat(node.get("/api/orders?roomId=nope", user.token()).status()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
