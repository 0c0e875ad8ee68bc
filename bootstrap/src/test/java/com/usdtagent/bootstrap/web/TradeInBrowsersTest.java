package com.usdtagent.bootstrap.web;

import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole trade in two real browsers, an agent's and a user's, through nothing but the page: accounts, an offer,
 * an order from the market, the chat both ways with ticks reaching read, a photo as proof of payment, payment,
 * release, the wallet, and a call whose audio flows both ways over WebRTC.
 */
class TradeInBrowsersTest {

    private static WebTestServer server;
    private static Browser agent;
    private static Browser user;

    @BeforeAll
    static void start() {
        server = WebTestServer.start();
        agent = Browser.open("agent");
        user = Browser.open("user");
        agent.recordPeerConnections();
        user.recordPeerConnections();
    }

    @AfterAll
    static void stop() {
        try (var closingUser = user; var closingAgent = agent; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void anAgentAndAUserTradeChatAndCallInTwoBrowsers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String agentName = "ann_" + suffix;
        String userName = "bob_" + suffix;

        user.go(server.appUrl());
        user.byRole("textbox", "Username or phone");
        user.screenshot("sign-in");
        createAccount(agent, agentName, "+44 7911 1" + digits(5), "Agent");
        createAccount(user, userName, "+1 415 555 " + digits(4), "User");
        agent.byRole("link", "Offers");
        assertThat(agent.within("navigation", "Main").has("link", "Market")).isFalse();
        user.byRole("link", "Market");
        assertThat(user.within("navigation", "Main").has("link", "Offers")).isFalse();
        server.deposit(agentName, "500");

        // the agent publishes an offer
        agent.click("link", "Offers");
        agent.click("button", "New offer");
        agent.type("Price", "1.07");
        agent.type("Minimum USDT", "10");
        agent.type("Maximum USDT", "500");
        agent.type("Payment methods", "bank transfer, Wise");
        agent.click("button", "Publish");
        var myOffers = agent.within("list", "My offers");
        agent.within(myOffers.item("ACTIVE")).click("button", "Edit");
        agent.type("Maximum USDT", "400");
        agent.click("button", "Save changes");
        myOffers.sees("Limits 10 – 400 USDT");
        agent.within(myOffers.item("ACTIVE")).click("button", "Pause");
        agent.within(myOffers.item("PAUSED")).click("button", "Resume");
        agent.within(myOffers.item("ACTIVE")).byRole("button", "Pause");
        agent.screenshot("offers");

        // the user finds it in the market and places an order
        user.click("link", "Market");
        user.click("button", "Refresh");
        var offer = user.within(user.within("list", "Offers").item(agentName));
        offer.sees("bank transfer, Wise");
        user.screenshot("market");
        offer.click("button", "Buy");
        var dialog = user.within("dialog", "Place order");
        dialog.type("Amount (USDT)", "100");
        dialog.sees("You pay about 107.00 USD");
        dialog.click("button", "Place order");
        user.sees("PENDING_PAYMENT");
        user.byRole("timer", "");
        user.sees("Time left");

        // they chat both ways; the ticks reach read because each has the conversation open
        user.type("Message", "Hello, I am paying by bank transfer now");
        user.click("button", "Send");
        agent.click("link", "Chats");
        var conversations = agent.within("list", "Conversations");
        var room = conversations.item(userName);
        agent.within(room).sees("unread");
        agent.within(room).click("link", userName);
        var agentLog = agent.within("log", "Messages");
        agentLog.sees("Hello, I am paying by bank transfer now");
        user.within("log", "Messages").byRole("img", "read");

        agent.type("Message", "Fine, send 107.00 USD to account 12345");
        user.sees(agentName + " is typing");
        agent.click("button", "Send");
        user.within("log", "Messages").sees("Fine, send 107.00 USD to account 12345");
        agentLog.byRole("img", "read");
        assertThat(agentLog.has("img", "sent")).isFalse();

        // a photo of the bank's receipt as proof of payment: the agent sees its thumbnail and opens it
        user.attach("Attach file", Pictures.png("payment-proof.png", 640, 480));
        user.within("list", "Files to send").sees("payment-proof.png");
        user.type("Message", "Here is the receipt");
        user.click("button", "Send");
        var thumbnail = agentLog.byRole("img", "payment-proof.png");
        agent.waitFor("the thumbnail never loaded", () -> Pictures.loaded(agent, thumbnail));
        agentLog.sees("Here is the receipt");
        agent.screenshot("conversation-attachment");
        agent.click("link", "Open payment-proof.png");
        var photo = agent.within("dialog", "payment-proof.png");
        var full = photo.byRole("img", "payment-proof.png");
        agent.waitFor("the full image never loaded", () -> Pictures.loaded(agent, full));
        assertThat(agent.script("return arguments[0].naturalWidth", full)).isEqualTo(640L);
        agent.screenshot("image-dialog");
        photo.click("button", "Close");

        // the user pays, the agent releases
        user.click("button", "I have paid");
        user.click("button", "Yes, I have paid");
        user.sees("PAID");
        agent.within("complementary", "Order").sees("PAID");
        agent.click("button", "Release");
        agent.click("button", "Yes, release the USDT");
        agent.sees("COMPLETED");
        user.within("complementary", "Order").sees("COMPLETED");
        // nothing stays unread in a conversation on screen, the order's own notes included
        agent.waitFor("Chats still shows an unread count", () -> agent.byRole("link", "Chats").getText().equals("Chats"));
        user.screenshot("order");
        agent.screenshot("console");

        user.click("link", "Wallet");
        user.sees("Available");
        assertThat(user.within("main", "").text()).containsPattern("Available\\s+100 USDT").containsPattern("Locked\\s+0 USDT");
        user.screenshot("wallet");

        // a call: it rings at the agent's, who answers and mutes; the user hangs up
        user.click("link", "Chats");
        user.within(user.within("list", "Conversations").item(agentName)).click("link", agentName);
        user.click("button", "Call");
        user.sees("Calling " + agentName);
        var incoming = agent.within("dialog", "Incoming call");
        incoming.sees(userName + " is calling");
        agent.screenshot("incoming-call");
        incoming.click("button", "Accept");
        user.byRole("timer", "");
        agent.byRole("timer", "");
        for (Browser side : new Browser[] {user, agent}) {
            side.waitFor("the call's audio never flowed both ways", () -> {
                var audio = side.audio();
                return "connected".equals(audio.get("connectionState"))
                        && ((Number) audio.get("bytesSent")).longValue() > 1000
                        && ((Number) audio.get("bytesReceived")).longValue() > 1000;
            });
            side.sees("Audio connected");
        }
        assertThat(agent.audio().get("microphoneEnabled")).isEqualTo(true);
        var mute = agent.click("button", "Mute");
        assertThat(mute.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(agent.audio().get("microphoneEnabled")).as("the microphone's track after Mute").isEqualTo(false);
        user.click("button", "Hang up");
        agent.sees("Call with " + userName + " ended");
        user.sees("Call with " + agentName + " ended");
        assertThat(user.loadedScripts()).as("scripts of a WebRTC call")
                .noneMatch(name -> name.contains("/vendor/agora-rtc-sdk-ng"));

        agent.assertNoConsoleErrors();
        user.assertNoConsoleErrors();
    }

    private static void createAccount(Browser browser, String username, String phone, String role) {
        browser.go(server.appUrl());
        browser.click("link", "Create account");
        browser.type("Username", username);
        browser.type("Phone", phone);
        browser.type("Password", "a long password");
        browser.click("radio", role);
        browser.click("button", "Create account");
        browser.byRole("button", "Sign out");
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((int) (Math.random() * 10));
        }
        return digits.toString();
    }
}
