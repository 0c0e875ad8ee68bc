package com.usdtagent.bootstrap.voice;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A headless Debian Chromium driven through its own chromedriver, with a fake microphone that plays a tone. Each
 * instance is a browser of its own, with a fresh profile, as two people's devices would be.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }


    public static Chromium launch() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                // a microphone that plays a beep, allowed without asking
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                // real addresses in host candidates instead of mDNS names, which nothing here resolves
                "--disable-features=WebRtcHideLocalIpsWithMdns");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(System.getProperty("java.io.tmpdir"), "chromedriver-" + ProcessHandle.current().pid() + ".log"))
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Chromium(driver);
    }

    /** Opens the phone page at {@code url} in this browser's window and waits for its script. */
    public BrowserPhone open(String url) {
        driver.get(url);
        return new BrowserPhone(driver);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
