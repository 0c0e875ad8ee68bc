package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.chain.testing.Anvil;
import com.usdtagent.domain.account.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deposit and a withdrawal end to end: the real server's HTTP routes and socket, its deposit follower and
 * withdrawal sender on their timers, a real local chain (anvil) and PostgreSQL.
 */
class OnChainWalletTest {

    private static final int CONFIRMATIONS = 2;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RECIPIENT = Keys.toChecksumAddress("0x" + "a1b2c3d4e5".repeat(4));

    private static LocalChain chain;
    private static TestNode node;
    private static final ConcurrentLinkedQueue<PushNotification> pushes = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        node = TestNode.startWith(chain.settings(CONFIRMATIONS, Duration.ofMillis(100)), pushes::add);
    }

    @AfterAll
    static void stop() {
        node.close();
        chain.close();
    }

    @Test
    void aUserDepositsOnChainAndWithdrawsOnChain() {
        var user = node.register("chain_" + UUID.randomUUID().toString().substring(0, 8), "user");
        JsonNode address = node.get("/api/wallet/deposit-address", user.token()).json();
        assertThat(address.path("chainId").asLong()).isEqualTo(Anvil.CHAIN_ID);
        assertThat(address.path("token").asText()).isEqualTo(chain.token);
        assertThat(address.path("confirmations").asInt()).isEqualTo(CONFIRMATIONS);
        assertThat(node.get("/api/wallet/deposit-address", user.token()).json()).isEqualTo(address);
        try (var socket = SocketClient.connect(node.socketUri(), user.token())) {
            String tx = chain.anvil.transfer(chain.token, address.path("address").asText(), LocalChain.units("120.5"));

            JsonNode pending = await().atMost(WAIT).until(() -> node.get("/api/wallet/deposits", user.token()).json()
                    .path("deposits"), deposits -> deposits.size() == 1).get(0);
            assertThat(pending.path("txHash").asText()).isEqualTo(tx);
            assertThat(pending.path("status").asText()).isEqualTo("PENDING");
            assertThat(pending.path("confirmations").asInt()).isEqualTo(1);
            assertThat(pending.path("amount").asText()).isEqualTo("120.5");
            Trades.assertWallet(node, user, "0", "0");
            chain.anvil.mine(1);

            JsonNode credited = await().atMost(WAIT).until(() -> node.get("/api/wallet/deposits", user.token()).json()
                    .at("/deposits/0"), deposit -> deposit.path("status").asText().equals("CREDITED"));
            assertThat(fieldsOf(credited)).containsExactly("txHash", "logIndex", "amount", "blockNumber",
                    "confirmations", "status", "seenAt", "creditedAt");
            assertThat(credited.path("confirmations").asInt()).isEqualTo(CONFIRMATIONS);
            assertThat(credited.path("blockNumber")).isEqualTo(pending.path("blockNumber"));
            assertThat(credited.path("creditedAt").isTextual()).isTrue();
            Trades.assertWallet(node, user, "120.5", "0");
            JsonNode news = socket.awaitEvent("wallet-updated");
            assertThat(news.path("available").asText()).isEqualTo("120.5");
            assertThat(news.path("locked").asText()).isEqualTo("0");
            assertThat(news).as("wallet-updated is what GET /api/wallet returns")
                    .isEqualTo(node.get("/api/wallet", user.token()).json());
            assertThat(pushes).contains(new PushNotification.DepositCredited(
                    new UserId(UUID.fromString(user.id())), tx, "120.5"));
        }

        chain.fundHotWallet("100");
        String body = "{\"address\":\"%s\",\"amount\":\"50\"}".formatted(RECIPIENT);
        var requested = node.post("/api/wallet/withdrawals", body, user.token(), "withdraw-1");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().path("status").asText()).isEqualTo("QUEUED");
        assertThat(requested.json().path("fee").asText()).isEqualTo("1");
        assertThat(requested.json().path("address").asText()).isEqualTo(RECIPIENT);
        var repeated = node.post("/api/wallet/withdrawals", body, user.token(), "withdraw-1");
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.json().path("id")).isEqualTo(requested.json().path("id"));
        Trades.assertWallet(node, user, "69.5", "51");

        JsonNode sent = await().atMost(WAIT).until(() -> node.get("/api/wallet/withdrawals", user.token()).json()
                .at("/withdrawals/0"), withdrawal -> withdrawal.path("status").asText().equals("SENT"));
        assertThat(sent.path("txHash").asText()).startsWith("0x");
        chain.anvil.awaitReceipt(sent.path("txHash").asText());
        chain.anvil.mine(CONFIRMATIONS);
        JsonNode confirmed = await().atMost(WAIT).until(() -> node.get("/api/wallet/withdrawals", user.token()).json()
                .at("/withdrawals/0"), withdrawal -> withdrawal.path("status").asText().equals("CONFIRMED"));

        assertThat(confirmed.path("txHash")).isEqualTo(sent.path("txHash"));
        assertThat(fieldsOf(confirmed)).containsExactly("id", "address", "amount", "fee", "status", "txHash",
                "createdAt", "sentAt", "confirmedAt");
        assertThat(confirmed.path("confirmedAt").isTextual()).isTrue();
        Trades.assertWallet(node, user, "69.5", "0");
        assertThat(chain.tokenBalance(RECIPIENT)).isEqualByComparingTo("50");
        String admin = node.adminToken();
        assertThat(node.get("/api/admin/withdrawals?status=CONFIRMED", admin).json().path("withdrawals"))
                .anySatisfy(withdrawal -> assertThat(withdrawal.path("id")).isEqualTo(requested.json().path("id")));
        assertThat(node.metric("chain_deposits_credited_total")).isEqualTo(1);
        assertThat(node.get("/metrics", null).body()).contains("chain_withdrawals_total{status=\"CONFIRMED\"} 1.0")
                .contains("chain_follower_lag_blocks 0.0").contains("chain_hot_wallet_balance_usdt");
    }

    @Test
    void refusedWithdrawalsAnswerTheirCodesAndChangeNothing() {
        var user = node.register("refused_" + UUID.randomUUID().toString().substring(0, 8), "user");
        String admin = node.adminToken();
        Trades.deposit(node, admin, user, "30");
        // 0xa1B2...: the B's case turned, a typo the EIP-55 checksum catches
        String wrongCase = RECIPIENT.replaceFirst("B", "b");
        assertThat(wrongCase).isNotEqualTo(RECIPIENT);

        assertRefused(node.post("/api/wallet/withdrawals", "{\"address\":\"0x12\",\"amount\":\"20\"}", user.token(), "a"),
                400, "VALIDATION_FAILED", "address");
        assertRefused(node.post("/api/wallet/withdrawals", "{\"address\":\"%s\",\"amount\":\"20\"}".formatted(wrongCase),
                user.token(), "b"), 400, "VALIDATION_FAILED", "address");
        assertRefused(node.post("/api/wallet/withdrawals", "{\"address\":\"%s\",\"amount\":\"5\"}".formatted(RECIPIENT),
                user.token(), "c"), 400, "VALIDATION_FAILED", "amount");
        assertRefused(node.post("/api/wallet/withdrawals", "{\"address\":\"%s\",\"amount\":\"20\"}".formatted(RECIPIENT),
                user.token()), 400, "VALIDATION_FAILED", "Idempotency-Key");
        assertRefused(node.post("/api/wallet/withdrawals", "{\"address\":\"%s\",\"amount\":\"29.5\"}".formatted(RECIPIENT),
                user.token(), "d"), 409, "INSUFFICIENT_FUNDS", null);
        assertRefused(node.get("/api/admin/withdrawals", user.token()), 403, "FORBIDDEN", null);
        assertRefused(node.get("/api/admin/withdrawals?status=LOST", admin), 400, "VALIDATION_FAILED", "status");
        assertRefused(node.post("/api/admin/withdrawals/" + UUID.randomUUID() + "/approve", "", admin), 404, "NOT_FOUND", null);

        Trades.assertWallet(node, user, "30", "0");
        assertThat(node.get("/api/wallet/withdrawals", user.token()).json().path("withdrawals")).isEmpty();
    }

    @Test
    void withoutAChainTheRoutesAnswerACodedRefusal() {
        try (TestNode plain = TestNode.start()) {
            var user = plain.register("nochain_" + UUID.randomUUID().toString().substring(0, 8), "user");

            assertRefused(plain.get("/api/wallet/deposit-address", user.token()), 409, "INVALID_STATE", null);
            assertRefused(plain.get("/api/wallet/deposits", user.token()), 409, "INVALID_STATE", null);
            assertRefused(plain.post("/api/wallet/withdrawals", "{\"address\":\"%s\",\"amount\":\"20\"}".formatted(RECIPIENT),
                    user.token(), "k"), 409, "INVALID_STATE", null);
        }
    }

    private static List<String> fieldsOf(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertRefused(HttpApi.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().at("/error/code").asText()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().at("/error/details/0/field").asText()).isEqualTo(field);
        }
    }
}
