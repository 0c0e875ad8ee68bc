package com.usdtagent.bootstrap.web;

import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet page on a server with a chain (anvil): the deposit address with its QR code, a deposit counting its
 * confirmations until it is credited, a withdrawal from the form held in the wallet and then sent and confirmed on
 * chain, and a large one that waits for an admin, who rejects it on the same page.
 */
class WalletOnChainInBrowserTest {

    private static final String RECIPIENT = Keys.toChecksumAddress("0x" + "5e6f7a8b9c".repeat(4));

    private static WebTestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = WebTestServer.startWithChain();
        browser = Browser.open("wallet");
    }

    @AfterAll
    static void stop() {
        try (var closingBrowser = browser; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void aUserDepositsAndWithdrawsOnChainFromTheWalletPage() {
        var user = server.register("saver_" + UUID.randomUUID().toString().substring(0, 6), "user");
        String address = server.get("/api/wallet/deposit-address", user.token()).path("address").asText();
        signIn(user.username(), user.password());
        browser.click("link", "Wallet");

        // the address to send USDT to, as text and as a QR code
        var deposit = browser.within("region", "Deposit USDT");
        deposit.sees(address);
        deposit.byRole("img", "QR code of the deposit address");
        deposit.sees("credited after 2 confirmations");

        server.sendUsdt(address, "120.5");
        deposit.click("button", "Refresh deposits");
        browser.within(deposit.byRole("list", "Deposits")).item("120.5 USDT").getText();
        deposit.sees("1 of 2 confirmations");
        deposit.sees("PENDING");
        server.mineBlocks(1);
        deposit.sees("CREDITED"); // wallet-updated brings it without a reload
        deposit.sees("2 of 2 confirmations");
        browser.waitFor("the credited deposit never showed as available",
                () -> browser.within("main", "").text().matches("(?s).*Available\\s+120.5 USDT.*"));
        browser.screenshot("wallet-on-chain");

        // a withdrawal: the fee is shown first, amount and fee are held at once, then it goes out and is confirmed
        server.fundHotWallet("100");
        var withdraw = browser.within("region", "Withdraw USDT");
        withdraw.sees("Fee: 1 USDT");
        withdraw.type("To address", RECIPIENT);
        withdraw.type("Amount (USDT)", "20");
        withdraw.click("button", "Withdraw");
        var withdrawals = browser.within(withdraw.byRole("list", "Withdrawals"));
        withdrawals.item("20 USDT");
        browser.waitFor("the withdrawal was not held in the wallet",
                () -> browser.within("main", "").text().matches("(?s).*Available\\s+99.5 USDT.*"));
        withdrawals.sees("SENT");
        server.mineBlocks(2);
        withdrawals.sees("CONFIRMED");
        assertThat(server.get("/api/wallet/withdrawals", user.token()).path("withdrawals")).hasSize(1);

        // above 1000 USDT an admin approves first; this admin rejects it and the funds come back
        server.deposit(user.username(), "2000");
        browser.reload();
        withdraw = browser.within("region", "Withdraw USDT");
        withdraw.type("To address", RECIPIENT);
        withdraw.type("Amount (USDT)", "1500");
        withdraw.click("button", "Withdraw");
        browser.within(withdraw.byRole("list", "Withdrawals")).sees("PENDING_APPROVAL");
        browser.click("button", "Sign out");
        signIn(WebTestServer.ADMIN_USERNAME, WebTestServer.ADMIN_PASSWORD);
        browser.click("link", "Wallet");
        var review = browser.within("region", "Withdrawals waiting for approval");
        browser.within(review.byRole("list", "Withdrawals to approve")).item("1500 USDT");
        browser.screenshot("withdrawal-review");
        review.click("button", "Reject");
        review.click("button", "Yes, reject it");
        review.sees("No withdrawal is waiting");
        assertThat(server.get("/api/wallet", user.token()).path("available").asText()).isEqualTo("2099.5");

        browser.assertNoConsoleErrors();
    }

    private static void signIn(String login, String password) {
        browser.go(server.appUrl());
        browser.type("Username or phone", login);
        browser.type("Password", password);
        browser.click("button", "Sign in");
        browser.byRole("button", "Sign out");
    }
}
