package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Trade steps over HTTP that several tests take: an agent's offer, an admin's deposit, a user's order. */
final class Trades {

    private Trades() {
    }

    /** An active USD offer at 1.07 for 10 to 500 USDT; returns its id. */
    static String offer(HttpApi api, HttpApi.Account agent, String side) {
        var response = api.post("/api/offers", """
                {"side":"%s","fiatCurrency":"USD","price":"1.07","minUsdt":"10","maxUsdt":"500",
                 "paymentMethods":["bank transfer"],"terms":"Pay within the window"}""".formatted(side), agent.token());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    static void deposit(HttpApi api, String adminToken, HttpApi.Account account, String amount) {
        var response = api.post("/api/admin/wallets/" + account.id() + "/deposit",
                "{\"amount\":\"%s\",\"reference\":\"%s\"}".formatted(amount, UUID.randomUUID()), adminToken);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static HttpApi.Response place(HttpApi api, HttpApi.Account user, String offerId, String amount, String key) {
        return api.post("/api/orders", "{\"offerId\":\"%s\",\"usdtAmount\":\"%s\"}".formatted(offerId, amount),
                user.token(), key);
    }

    /** The order placed, as the HTTP API returns it. */
    static JsonNode placed(HttpApi api, HttpApi.Account user, String offerId, String amount) {
        var response = place(api, user, offerId, amount, UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static void assertWallet(HttpApi api, HttpApi.Account account, String available, String locked) {
        var wallet = api.get("/api/wallet", account.token()).json();
        assertThat(wallet.path("available").asText()).as(account.username() + " available").isEqualTo(available);
        assertThat(wallet.path("locked").asText()).as(account.username() + " locked").isEqualTo(locked);
    }
}
