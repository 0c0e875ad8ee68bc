package com.usdtagent.bootstrap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.bootstrap.voice.Chromium;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real headless Chromium (Debian's, through its chromedriver) that finds controls the way a screen reader does:
 * by role and accessible name, as Chromium computes them. Every console error it logs is kept for the test to check.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** CSS that narrows the search for each role; the role Chromium computes decides. */
    private static final Map<String, String> CANDIDATES = Map.ofEntries(
            Map.entry("button", "button, [role=button], input[type=submit], input[type=button]"),
            Map.entry("link", "a[href], [role=link]"),
            Map.entry("textbox", "input:not([type]), input[type=text], input[type=password], input[type=tel],"
                    + " input[type=email], input[type=number], textarea, [role=textbox]"),
            Map.entry("searchbox", "input[type=search], [role=searchbox]"),
            Map.entry("combobox", "select, [role=combobox]"),
            Map.entry("radio", "input[type=radio], [role=radio]"),
            Map.entry("spinbutton", "input[type=number], [role=spinbutton]"),
            Map.entry("list", "ul, ol, [role=list]"),
            Map.entry("listitem", "li, [role=listitem]"),
            Map.entry("log", "[role=log]"),
            Map.entry("dialog", "dialog, [role=dialog]"),
            Map.entry("navigation", "nav, [role=navigation]"),
            Map.entry("img", "img, [role=img]"),
            Map.entry("timer", "[role=timer]"),
            Map.entry("status", "[role=status], output"),
            Map.entry("group", "[role=group], fieldset"),
            Map.entry("region", "section, [role=region]"),
            Map.entry("main", "main, [role=main]"),
            Map.entry("complementary", "aside, [role=complementary]"));

    private static final String MENTIONING = """
            const [scope, css, words] = arguments;
            const normal = (text) => (text ?? "").replace(/\\s+/g, " ").trim().toLowerCase();
            const mentions = (element) => [element.textContent, element.value, element.placeholder,
                element.getAttribute("aria-label"), element.getAttribute("title"), element.getAttribute("alt"),
                ...[...(element.labels ?? [])].map((label) => label.textContent),
                ...(element.getAttribute("aria-labelledby") ?? "").split(/\\s+/)
                    .map((id) => document.getElementById(id)?.textContent)]
                .some((text) => normal(text).includes(words));
            return [...(scope ?? document).querySelectorAll(css)].filter(mentions);
            """;

    final ChromeDriver driver;
    private final String name;
    private final Chromium chromium;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<JsonNode> networkEvents = new ArrayList<>();

    private Browser(String name, Chromium chromium) {
        this.name = name;
        this.chromium = chromium;
        this.driver = chromium.driver();
    }

    /** A desktop-sized window. */
    static Browser open(String name) {
        return open(name, 1280, 860);
    }

    static Browser open(String name, int width, int height) {
        var browser = new Browser(name, Chromium.launch(name, width, height));
        browser.driver.manage().timeouts().scriptTimeout(WAIT);
        return browser;
    }

    /** Shows the page as a phone of this width would (CSS pixels, touch-less). */
    void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    void go(String url) {
        driver.get(url);
    }

    void reload() {
        driver.navigate().refresh();
    }

    // ---- finding controls by role and accessible name ---------------------------------------------------------

    /** The first visible element of this role whose accessible name is {@code name}, waiting for it to appear. */
    WebElement byRole(String role, String name) {
        return within(driver).byRole(role, name);
    }

    WebElement click(String role, String name) {
        return within(driver).click(role, name);
    }

    boolean has(String role, String name) {
        return within(driver).has(role, name);
    }

    Scope within(SearchContext context) {
        return new Scope(context);
    }

    Scope within(String role, String name) {
        return new Scope(byRole(role, name));
    }

    /** Chooses this file in the file input named {@code accessibleName}, as a person picking it would. */
    void attach(String accessibleName, Path file) {
        var found = new AtomicReference<WebElement>();
        waitFor("no file input named '" + accessibleName + "'", () -> {
            @SuppressWarnings("unchecked")
            var inputs = (List<WebElement>) script(MENTIONING, null, "input[type=file]", normal(accessibleName));
            found.set(inputs.stream().filter(input -> normal(input.getAccessibleName()).equals(normal(accessibleName)))
                    .findFirst().orElse(null));
            return found.get() != null;
        });
        found.get().sendKeys(file.toAbsolutePath().toString());
    }

    /** Fills the textbox named {@code name}, replacing what it held. */
    void type(String name, String text) {
        within(driver).type(name, text);
    }

    /** Waits until the page's text shows {@code text}. */
    void sees(String text) {
        within(driver).sees(text);
    }

    final class Scope {
        private final SearchContext context;

        private Scope(SearchContext context) {
            this.context = context;
        }

        WebElement byRole(String role, String accessibleName) {
            var found = new AtomicReference<WebElement>();
            waitFor("no visible " + role + " named '" + accessibleName + "'", () -> {
                found.set(find(role, accessibleName).orElse(null));
                return found.get() != null;
            });
            return found.get();
        }

        /** The first visible list item that shows this text (list items take no name from their content). */
        WebElement item(String text) {
            var found = new AtomicReference<WebElement>();
            waitFor("no list item shows '" + text + "'", () -> {
                found.set(allByRole("listitem").stream().filter(item -> item.getText().contains(text))
                        .findFirst().orElse(null));
                return found.get() != null;
            });
            return found.get();
        }

        /** All visible elements of this role, whatever their names. */
        List<WebElement> allByRole(String role) {
            return candidates(role).stream().filter(element -> isRole(element, role) && element.isDisplayed())
                    .toList();
        }

        boolean has(String role, String accessibleName) {
            try {
                return find(role, accessibleName).isPresent();
            } catch (StaleElementReferenceException changedMeanwhile) {
                return false;
            }
        }

        WebElement click(String role, String accessibleName) {
            WebElement element = byRole(role, accessibleName);
            element.click();
            return element;
        }

        void type(String accessibleName, String text) {
            WebElement box = byRole("textbox", accessibleName);
            box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            box.sendKeys(text);
        }

        void sees(String text) {
            waitFor("the text '" + text + "' never showed", () -> text(context).contains(text));
        }

        String text() {
            return text(context);
        }

        private Optional<WebElement> find(String role, String accessibleName) {
            List<WebElement> named = new ArrayList<>();
            List<WebElement> naming = new ArrayList<>();
            Pattern word = Pattern.compile("(^|\\W)" + Pattern.quote(normal(accessibleName)) + "($|\\W)");
            for (WebElement candidate : candidates(role, normal(accessibleName))) {
                String candidateName = normal(candidate.getAccessibleName());
                if (candidateName.equals(normal(accessibleName))) {
                    named.add(candidate);
                } else if (word.matcher(candidateName).find()) {
                    naming.add(candidate); // the app may add words around a name: "Send" may read "Send message"
                }
            }
            Predicate<WebElement> usable = element -> isRole(element, role) && element.isDisplayed();
            return named.stream().filter(usable).findFirst().or(() -> naming.stream().filter(usable).findFirst());
        }

        private List<WebElement> candidates(String role) {
            return candidates(role, "");
        }

        /**
         * The elements that may have this role and whose text, label or attributes mention {@code words}: a cheap
         * first cut in the page, so that Chromium is asked for the computed name of a few elements, not all.
         */
        @SuppressWarnings("unchecked")
        private List<WebElement> candidates(String role, String words) {
            String css = CANDIDATES.get(role);
            if (css == null) {
                throw new IllegalArgumentException("no candidates known for the role " + role);
            }
            return (List<WebElement>) script(MENTIONING, context instanceof WebElement element ? element : null, css, words);
        }

        private String text(SearchContext where) {
            return where instanceof WebElement element ? element.getText()
                    : driver.findElement(By.tagName("body")).getText();
        }
    }

    /** Polls {@code condition} for {@link #WAIT}; on failure keeps a screenshot of what the page showed. */
    void waitFor(String failure, Callable<Boolean> condition) {
        waitFor(failure, WAIT, condition);
    }

    /** As {@link #waitFor(String, Callable)}, for what the app does only after a timeout of its own. */
    void waitFor(String failure, Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100)).ignoreException(StaleElementReferenceException.class)
                    .alias(name + ": " + failure).until(condition);
        } catch (ConditionTimeoutException timeout) {
            screenshot("failed-" + name);
            throw timeout;
        }
    }

    /** ARIA 1.3 named img "image" too, and Chromium now computes that. */
    private static boolean isRole(WebElement element, String role) {
        String computed = element.getAriaRole();
        return role.equals(computed) || role.equals("img") && "image".equals(computed);
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // ---- the keyboard -----------------------------------------------------------------------------------------

    /** Presses Tab until the focused element is this control; fails when the keyboard cannot reach it. */
    WebElement tabTo(String role, String accessibleName) {
        Pattern word = Pattern.compile("(^|\\W)" + Pattern.quote(normal(accessibleName)) + "($|\\W)");
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = driver.switchTo().activeElement();
            if (isRole(focused, role) && word.matcher(normal(focused.getAccessibleName())).find()) {
                return focused;
            }
            // pressed on the keyboard, not typed into the element: a file input takes typed keys for a file's path
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(name + ": Tab never reached the " + role + " '" + accessibleName + "'");
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    // ---- the network, the page and the console ----------------------------------------------------------------

    /** Cuts the page off the network (the browser fires "offline"), or connects it again. */
    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Keeps every RTCPeerConnection the pages of this browser make, for {@link #audio()}; call before opening one. */
    void recordPeerConnections() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.peerConnections = [];
                const Native = window.RTCPeerConnection;
                window.RTCPeerConnection = class extends Native {
                  constructor(...settings) { super(...settings); window.peerConnections.push(this); }
                };
                """));
    }

    /** The newest peer connection's state, audio bytes each way and whether its microphone track is enabled. */
    Map<String, Object> audio() {
        @SuppressWarnings("unchecked")
        var stats = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const peer = window.peerConnections.at(-1);
                if (!peer) { done({ connectionState: "none" }); return; }
                peer.getStats().then((report) => {
                  const result = { connectionState: peer.connectionState, bytesSent: 0, bytesReceived: 0,
                    microphoneEnabled: peer.getSenders().some((sender) => sender.track && sender.track.enabled) };
                  report.forEach((s) => {
                    if (s.type === "outbound-rtp" && s.kind === "audio") result.bytesSent += s.bytesSent;
                    if (s.type === "inbound-rtp" && s.kind === "audio") result.bytesReceived += s.bytesReceived;
                  });
                  done(result);
                });
                """);
        return stats;
    }

    /** The DevTools network events of this method ("Network.requestWillBeSent"...) since the browser opened. */
    List<JsonNode> networkEvents(String method) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                networkEvents.add(JSON.readTree(entry.getMessage()).path("message"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return networkEvents.stream().filter(event -> event.path("method").asText().equals(method))
                .map(event -> event.path("params")).toList();
    }

    /** The addresses of the scripts the page has loaded, modules included. */
    List<String> loadedScripts() {
        @SuppressWarnings("unchecked")
        var names = (List<String>) script("""
                return performance.getEntriesByType("resource")
                  .filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"))
                  .map((entry) => entry.name);""");
        return names;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    String title() {
        return driver.getTitle();
    }

    void screenshot(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console errors logged since the browser opened, except those matching one of {@code expected}. */
    List<String> consoleErrors(Pattern... expected) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return consoleErrors.stream()
                .filter(error -> Arrays.stream(expected).noneMatch(pattern -> pattern.matcher(error).find()))
                .toList();
    }

    void assertNoConsoleErrors(Pattern... expected) {
        assertThat(consoleErrors(expected)).as(name + "'s console errors").isEmpty();
    }

    @Override
    public void close() {
        chromium.close();
    }
}
