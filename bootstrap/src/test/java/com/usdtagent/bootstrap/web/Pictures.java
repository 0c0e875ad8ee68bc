package com.usdtagent.bootstrap.web;

import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Images for the browser tests to upload, and whether a page's image has really loaded. */
final class Pictures {

    private Pictures() {
    }

    /** A PNG of this size, as a phone's photo of a receipt would be, in a temporary folder. */
    static Path png(String name, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0x1f7a5c));
        graphics.fillRect(width / 8, height / 8, width * 3 / 4, height / 6);
        graphics.setColor(Color.DARK_GRAY);
        graphics.drawString("Transfer 107.00 USD to account 12345: done", width / 8, height / 2);
        graphics.dispose();
        try {
            Path file = Files.createTempDirectory("pictures").resolve(name);
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the browser fetched and decoded the image (a broken link has no natural width). */
    static boolean loaded(Browser browser, WebElement image) {
        return Boolean.TRUE.equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }
}
