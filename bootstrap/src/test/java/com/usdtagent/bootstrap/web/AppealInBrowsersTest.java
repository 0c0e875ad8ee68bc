package com.usdtagent.bootstrap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An appeal from the buyer's page to the admin's decision: the admin reads the order, the statement with its
 * evidence (a photo) and the whole conversation, refunds the seller, and the buyer sees it at once. The admin's
 * deposit form credits a wallet; without a chain the wallet page says on-chain deposits are off.
 */
class AppealInBrowsersTest {

    private static WebTestServer server;
    private static Browser admin;
    private static Browser user;

    @BeforeAll
    static void start() {
        server = WebTestServer.start();
        admin = Browser.open("admin");
        user = Browser.open("buyer");
    }

    @AfterAll
    static void stop() {
        try (var closingUser = user; var closingAdmin = admin; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void anAdminSettlesAnAppealWithTheWholeConversationInFront() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var agent = server.register("seller_" + suffix, "agent");
        var buyer = server.register("buyer_" + suffix, "user");
        server.deposit(agent.username(), "300");
        JsonNode order = server.placeOrder(buyer, server.offer(agent, "SELL"), "50");
        try (var agentSocket = server.connect(agent)) {
            agentSocket.send(order.path("roomId").asText(), "a1", "Pay to IBAN DE02 1203 0000 0000 2020 51 only");
        }

        // the buyer signs in with their phone number, pays, and appeals
        user.go(server.appUrl());
        user.type("Username or phone", buyer.phone());
        user.type("Password", buyer.password());
        user.click("button", "Sign in");
        user.click("link", "Orders");
        user.within(user.within("list", "Orders").item("50 USDT")).click("link", "50 USDT");
        user.within("log", "Messages").sees("Pay to IBAN DE02");
        user.click("button", "I have paid");
        user.click("button", "Yes, I have paid");
        user.sees("PAID");
        user.click("button", "Appeal");
        user.type("What went wrong?", "I paid 53.50 USD two hours ago and the seller stopped answering.");
        user.attach("Attach evidence", Pictures.png("bank-statement.png", 800, 600));
        user.within("list", "Files to send").sees("bank-statement.png");
        user.click("button", "Send appeal");
        user.sees("APPEAL");
        user.within("complementary", "Order").byRole("link", "Open bank-statement.png");

        // the admin finds it in the queue and reads everything before deciding
        admin.go(server.appUrl());
        admin.type("Username or phone", WebTestServer.ADMIN_USERNAME);
        admin.type("Password", WebTestServer.ADMIN_PASSWORD);
        admin.click("button", "Sign in");
        var appeal = admin.within("list", "Appeals").item(buyer.username());
        admin.within(appeal).click("link", "50 USDT");
        admin.sees("Evidence");
        admin.sees("I paid 53.50 USD two hours ago and the seller stopped answering.");
        var evidence = admin.within("region", "Evidence");
        var photo = evidence.byRole("img", "bank-statement.png");
        admin.waitFor("the evidence's thumbnail never loaded", () -> Pictures.loaded(admin, photo));
        evidence.click("link", "Open bank-statement.png");
        var opened = admin.within("dialog", "bank-statement.png");
        var full = opened.byRole("img", "bank-statement.png");
        admin.waitFor("the evidence never loaded in full", () -> Pictures.loaded(admin, full));
        opened.click("button", "Close");
        var conversation = admin.within("log", "Messages");
        conversation.sees("Pay to IBAN DE02 1203 0000 0000 2020 51 only");
        conversation.sees("The buyer marked the order paid");
        admin.byRole("button", "Release to buyer");
        admin.screenshot("appeals");
        admin.click("button", "Refund seller");
        admin.click("button", "Yes, refund the seller");
        admin.sees("REFUNDED");
        assertThat(admin.has("button", "Release to buyer")).isFalse();
        user.within("complementary", "Order").sees("REFUNDED");

        // deposits: the admin credits the buyer's wallet by username
        admin.click("link", "Wallet");
        admin.type("Username", buyer.username());
        admin.type("Amount (USDT)", "25.5");
        admin.click("button", "Deposit");
        admin.sees("Credited 25.5 USDT to " + buyer.username());
        assertThat(server.get("/api/wallet", buyer.token()).path("available").asText()).isEqualTo("25.5");
        assertThat(server.get("/api/wallet", agent.token()).path("available").asText()).isEqualTo("300");
        user.click("link", "Wallet");
        user.sees("On-chain deposits and withdrawals are off on this server");
        assertThat(user.within("main", "").text()).containsPattern("Available\\s+25.5 USDT");
        assertThat(user.has("textbox", "To address")).isFalse();

        admin.assertNoConsoleErrors();
        user.assertNoConsoleErrors();
    }
}
