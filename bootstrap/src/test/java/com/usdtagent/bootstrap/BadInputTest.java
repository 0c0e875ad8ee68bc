package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Input that used to crash with 500 or be stored wrong: each is a coded 400 naming the field, and changes nothing. */
class BadInputTest {

    private static final String NUL = "\\u0000";
    private static TestNode node;
    private static HttpApi.Account agent;
    private static HttpApi.Account user;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        agent = node.register("bad_input_agent", "agent");
        user = node.register("bad_input_user", "user");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aNulInOfferTermsOrPaymentMethodsIsRefusedNotACrash() {
        assertRefused(postOffer("\"terms\":\"pay" + NUL + "now\""), "terms");
        assertRefused(postOffer("\"paymentMethods\":[\"bank" + NUL + "\"]"), "paymentMethods[0]");
        assertThat(node.get("/api/me/offers", agent.token()).json().findValuesAsText("terms"))
                .noneMatch(terms -> terms.contains("pay"));
    }

    @Test
    void aNulInAQueryParameterIsRefused() {
        assertRefused(node.get("/api/admin/users?username=ab%00c", node.adminToken()), "username");
    }

    @Test
    void aNulInADepositReferenceIsRefused() {
        var response = node.post("/api/admin/wallets/" + user.id() + "/deposit",
                "{\"amount\":\"5\",\"reference\":\"ref" + NUL + "\"}", node.adminToken());
        assertRefused(response, "reference");
        Trades.assertWallet(node, user, "0", "0");
    }

    @Test
    void aNulInAnAppealReasonIsRefused() {
        var seller = node.register("appeal_seller_" + suffix(), "agent");
        var buyer = node.register("appeal_buyer_" + suffix(), "user");
        Trades.deposit(node, node.adminToken(), seller, "100");
        String orderId = Trades.placed(node, buyer, Trades.offer(node, seller, "SELL"), "20").path("id").asText();
        assertThat(node.post("/api/orders/" + orderId + "/paid", "{}", buyer.token()).status()).isEqualTo(200);

        assertRefused(node.post("/api/orders/" + orderId + "/appeal",
                "{\"reason\":\"the seller" + NUL + " never released\"}", buyer.token()), "reason");
        assertThat(node.get("/api/orders/" + orderId, buyer.token()).json().path("status").asText()).isEqualTo("PAID");
    }

    @Test
    void aPaymentWindowBeyondAnIntOrWithAFractionIsRefusedNotTruncated() {
        assertRefused(postOffer("\"paymentWindowMinutes\":2147483648"), "paymentWindowMinutes");
        assertRefused(postOffer("\"paymentWindowMinutes\":10.9"), "paymentWindowMinutes");
    }

    @Test
    void aFiatTotalBeyondWhatIsKeptIsRefused() {
        var offer = node.post("/api/offers", """
                {"side":"SELL","fiatCurrency":"USD","price":"999999999999999","minUsdt":"1","maxUsdt":"999999999999999",
                 "paymentMethods":["bank transfer"]}""", agent.token());
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);

        assertRefused(Trades.place(node, user, offer.json().path("id").asText(), "10000000", UUID.randomUUID().toString()),
                "usdtAmount");
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanTheLastOneWinning() {
        var response = node.post("/api/offers", """
                {"side":"SELL","fiatCurrency":"USD","price":"1.07","minUsdt":"10","maxUsdt":"500","maxUsdt":"5",
                 "paymentMethods":["bank transfer"]}""", agent.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void textOfOnlyInvisibleSpacesIsEmpty() {
        assertRefused(postOffer("\"paymentMethods\":[\"\\u200b\\u00a0\\ufeff\"]"), "paymentMethods");
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        assertRefused(postOffer("\"terms\":\"half an emoji \\ud83d\""), "terms");
    }

    @Test
    void aFiatCurrencyMustBeIso4217() {
        assertRefused(postOffer("\"fiatCurrency\":\"QQQ\""), "fiatCurrency");
    }

    @Test
    void aRepeatedKeyOnASocketPayloadIsValidationFailed() {
        try (var raw = new RawSocketIo(node.socketPort())) {
            raw.send("40{\"token\":\"" + user.token() + "\"}");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("40{");

            raw.send("421[\"chat-room-list\",{\"limit\":5,\"limit\":500}]");
            String ack = awaitAck(raw, "431");
            assertThat(ack).contains("VALIDATION_FAILED");
        }
    }

    private static String awaitAck(RawSocketIo raw, String prefix) {
        for (String frame = raw.next(Duration.ofSeconds(5)); frame != null; frame = raw.next(Duration.ofSeconds(5))) {
            if (frame.startsWith(prefix)) {
                return frame;
            }
        }
        throw new AssertionError("no ack " + prefix);
    }

    /** A valid SELL offer with one part replaced (a later key in the object would be a duplicate). */
    private static HttpApi.Response postOffer(String part) {
        String name = part.substring(1, part.indexOf('"', 1));
        List<String> parts = new java.util.ArrayList<>(List.of("\"side\":\"SELL\"", "\"fiatCurrency\":\"USD\"",
                "\"price\":\"1.07\"", "\"minUsdt\":\"10\"", "\"maxUsdt\":\"500\"", "\"paymentMethods\":[\"bank transfer\"]"));
        parts.removeIf(existing -> existing.startsWith("\"" + name + "\""));
        parts.add(part);
        return node.post("/api/offers", "{" + String.join(",", parts) + "}", agent.token());
    }

    private static void assertRefused(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("details").findValuesAsText("field")).as(response.body()).contains(field);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
