package com.usdtagent.bootstrap.web;

import com.usdtagent.bootstrap.WebTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user on a 360 px phone screen using only the keyboard: the unread total in the title, one pane at a time,
 * older messages on scrolling up, then a lost connection: what the agent sent meanwhile arrives, and the message
 * typed offline is sent once.
 */
class PhoneOfflineAndKeyboardTest {

    /** What Chromium itself logs while the network is cut: the failed reconnects the test causes on purpose. */
    private static final Pattern[] WHILE_OFFLINE = {
            Pattern.compile("ERR_INTERNET_DISCONNECTED"), Pattern.compile("WebSocket connection to .* failed")};

    private static WebTestServer server;
    private static Browser user;

    @BeforeAll
    static void start() {
        server = WebTestServer.start();
        user = Browser.open("phone");
        user.emulatePhone(360, 740);
    }

    @AfterAll
    static void stop() {
        try (var closingUser = user; var closingServer = server) {
            // closed in reverse order
        }
    }

    @Test
    void aPhoneUserReadsCatchesUpAndSendsOnceAfterALostConnection() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var agent = server.register("desk_" + suffix, "agent");
        var account = server.register("walker_" + suffix, "user");
        try (var agentSocket = server.connect(agent)) {
            String roomId = agentSocket.roomWith(account);
            for (int i = 1; i <= 45; i++) {
                agentSocket.send(roomId, "m" + i, "message " + i);
            }

            // signing in with the keyboard alone: the first field has the focus
            user.go(server.appUrl());
            user.byRole("textbox", "Username or phone");
            user.focused().sendKeys(account.username(), Keys.TAB, account.password(), Keys.ENTER);
            user.byRole("button", "Sign out");
            user.waitFor("the title never showed 45 unread", () -> user.title().equals("(45) USDT Agent"));
            assertNoSidewaysScrolling();

            // one pane at a time: the list, then the conversation
            user.tabTo("link", "Chats").sendKeys(Keys.ENTER);
            user.byRole("list", "Conversations");
            assertThat(user.has("log", "Messages")).isFalse();
            user.tabTo("link", agent.username()).sendKeys(Keys.ENTER);
            var log = user.byRole("log", "Messages");
            user.within(log).sees("message 45");
            assertThat(user.has("list", "Conversations")).isFalse();
            user.byRole("button", "Back to conversations");
            user.byRole("button", "Order details");
            assertNoSidewaysScrolling();
            user.waitFor("the title kept an unread count", () -> user.title().equals("USDT Agent"));
            user.screenshot("phone-chat");

            // the newest 30 first; scrolling to the top brings the 15 older ones
            assertThat(messagesShown(log)).isEqualTo(30);
            user.script("arguments[0].scrollTop = 0", log);
            user.waitFor("older messages never came", () -> messagesShown(log) == 45);
            user.within(log).sees("message 1\n");

            // the connection drops: the agent writes meanwhile, the user types a message
            user.offline(true);
            user.sees("Offline");
            agentSocket.send(roomId, "away", "sent while you were away");
            user.tabTo("textbox", "Message").sendKeys("typed while offline", Keys.ENTER);
            user.within(log).byRole("img", "sending");
            user.offline(false);
            user.within(log).sees("sent while you were away");
            user.waitFor("the typed message was never acknowledged", () -> !user.within(log).has("img", "sending"));
            await().atMost(Browser.WAIT).until(() -> agentSocket.received("typed while offline") == 1);
            assertThat(user.consoleErrors(WHILE_OFFLINE)).as("console errors besides the network's own").isEmpty();

            // sent once: the agent's history and the user's reloaded page hold it once
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> agentSocket.received("typed while offline") == 1);
            assertThat(agentSocket.texts(roomId)).containsOnlyOnce("typed while offline");
            user.reload();
            var reloaded = user.byRole("log", "Messages");
            user.within(reloaded).sees("typed while offline");
            assertThat(user.within(reloaded).allByRole("listitem").stream()
                    .filter(item -> item.getText().contains("typed while offline")).count()).isEqualTo(1);
            user.within(reloaded).byRole("img", "read");
        }
        assertThat(user.consoleErrors(WHILE_OFFLINE)).isEmpty();
    }

    private static long messagesShown(WebElement log) {
        return user.within(log).allByRole("listitem").stream().filter(item -> item.getText().contains("message ")).count();
    }

    private static void assertNoSidewaysScrolling() {
        Object width = user.script("return document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width on a 360 px screen").isLessThanOrEqualTo(360);
    }
}
