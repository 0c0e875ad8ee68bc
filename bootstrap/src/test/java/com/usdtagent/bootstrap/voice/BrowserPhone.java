package com.usdtagent.bootstrap.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The test page's {@code window.phone}, called from Java: each call runs in the browser and returns its JSON. */
public final class BrowserPhone {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Runs a promise-returning expression and hands its JSON (or its error) back to Selenium. */
    private static final String AWAIT = """
            const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => %s)
                .then((value) => done(JSON.stringify({ value: value === undefined ? null : value })),
                      (error) => done(JSON.stringify({ error: String(error) })));
            """;

    private final JavascriptExecutor page;

    BrowserPhone(WebDriver driver) {
        this.page = (JavascriptExecutor) driver;
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(page.executeScript("return !!window.phone")));
    }

    public void connect(URI socketServer, String token) {
        run("phone.connect(arguments[0], arguments[1])", socketServer.toString(), token);
    }

    /** {@code call-start}; the ack's data {@code { call, rtc }}. */
    public JsonNode start(String roomId) {
        return run("phone.start(arguments[0])", roomId);
    }

    /** Waits for {@code incoming-call}, then {@code call-accept}; the ack's data {@code { call, rtc }}. */
    public JsonNode answer() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !run("phone.incoming").isNull());
        return run("phone.accept()");
    }

    /** {@code { connectionState, bytesSent, bytesReceived, localCandidateType, remoteCandidateType }}. */
    public JsonNode stats() {
        return run("phone.stats()");
    }

    /** Every {@code call-signal} the page received, as it came. */
    public JsonNode receivedSignals() {
        return run("phone.received");
    }

    /** Whatever the page's socket or WebRTC code refused or failed to do. */
    public List<String> errors() {
        return JSON.convertValue(run("phone.errors"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private JsonNode run(String expression, Object... arguments) {
        try {
            JsonNode result = JSON.readTree((String) page.executeAsyncScript(AWAIT.formatted(expression), arguments));
            if (result.has("error")) {
                throw new AssertionError("in the browser, " + expression + " failed: " + result.get("error").asText());
            }
            return result.get("value");
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
