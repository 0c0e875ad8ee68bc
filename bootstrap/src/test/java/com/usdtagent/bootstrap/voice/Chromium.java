package com.usdtagent.bootstrap.voice;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one launcher of the tests' browsers: a headless Debian Chromium driven through its own chromedriver, with a
 * fake microphone that plays a tone and its console kept. Each instance is a browser of its own, with a fresh
 * profile, as two people's devices would be.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop-sized window. */
    public static Chromium launch() {
        return launch("chromium", 1280, 860);
    }

    public static Chromium launch(String name, int width, int height) {
        assertThat(Files.isExecutable(BROWSER))
                .as("Debian's chromium at " + BROWSER + ": apt-get install -y chromium chromium-driver (.ci/run does)").isTrue();
        assertThat(Files.isExecutable(DRIVER))
                .as("Debian's chromedriver at " + DRIVER + ": apt-get install -y chromium-driver (.ci/run does)").isTrue();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                // a microphone that plays a beep, allowed without asking
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                // a call's ring and audio play without a click first, as they do for anyone who used the page
                "--autoplay-policy=no-user-gesture-required",
                // real addresses in host candidates instead of mDNS names, which nothing here resolves
                "--disable-features=WebRtcHideLocalIpsWithMdns");
        // the network events too (requests, socket frames), for what a page sent to a server the test cannot see
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(System.getProperty("java.io.tmpdir"),
                        "chromedriver-" + ProcessHandle.current().pid() + "-" + name + ".log"))
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the phone page at {@code url} in this browser's window and waits for its script. */
    public BrowserPhone open(String url) {
        driver.get(url);
        return new BrowserPhone(driver);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
