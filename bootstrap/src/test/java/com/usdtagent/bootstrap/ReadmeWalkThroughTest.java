package com.usdtagent.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through as a new user pastes it: its {@code sh} blocks, in order, in one bash, against a server
 * started here (the block that starts one is left out, and the server's port put in for 8080).
 */
class ReadmeWalkThroughTest {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static TestNode node;

    @TempDir
    Path workDir;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyBlockRunsAsPastedAndAnswersAsTheReadmeSays() throws Exception {
        List<String> blocks = walkThroughBlocks();
        assertThat(blocks.getFirst()).as("the start block").contains("./run").doesNotContain("java -jar");
        String script = String.join("\n", blocks.subList(1, blocks.size()))
                .replace("localhost:8080", "localhost:" + node.httpPort());
        ImageIO.write(new BufferedImage(320, 640, BufferedImage.TYPE_INT_RGB), "png",
                workDir.resolve("transfer.png").toFile());

        String output = bash(script);

        assertThat(output).as(output)
                .contains("\"username\":\"bob\"")
                .contains("\"phone\":\"+14155552671\"")
                .contains("204")
                .contains("\"available\":\"100\"")
                .contains("\"kind\":\"image\"")
                .contains("\"status\":\"APPEAL\"").contains("\"reason\":\"I paid, here is the transfer\"")
                .doesNotContain("\"error\"")
                .doesNotContain("curl:");
        assertThat(workDir.resolve("proof.png")).isNotEmptyFile();
    }

    /** The sh blocks from the walk-through's heading to the next heading of its level or below. */
    private static List<String> walkThroughBlocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Two-minute walk-through");
        int end = readme.indexOf("\n### ", start);
        Matcher blocks = SH_BLOCK.matcher(readme.substring(start, end));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        assertThat(found).as("the walk-through's sh blocks").hasSizeGreaterThan(2);
        return found;
    }

    private String bash(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-s").directory(workDir.toFile()).redirectErrorStream(true).start();
        try (var stdin = bash.getOutputStream()) {
            // what the skipped start block exports, with the test server's admin
            String exports = "export ADMIN_USERNAME='" + TestNode.ADMIN_USERNAME + "' ADMIN_PASSWORD='"
                    + TestNode.ADMIN_PASSWORD + "'\n";
            stdin.write((exports + script).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
