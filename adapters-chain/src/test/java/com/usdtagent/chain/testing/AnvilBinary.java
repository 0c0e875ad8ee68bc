package com.usdtagent.chain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds anvil: {@code ANVIL_BINARY} when set, else the binary the npm package {@code @foundry-rs/anvil} ships for
 * this platform under {@code adapters-chain/src/test/anvil/node_modules}, running {@code npm ci} there first when
 * it is missing (as {@code .ci/run} does).
 */
final class AnvilBinary {

    private static final String TOOLS = "adapters-chain/src/test/anvil";

    private AnvilBinary() {
    }

    static synchronized Path locate() {
        String configured = System.getenv("ANVIL_BINARY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path tools = toolsFolder();
        Path binary = tools.resolve("node_modules/@foundry-rs/anvil-" + platform() + "/bin/anvil");
        if (!Files.isExecutable(binary)) {
            install(tools);
        }
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no anvil at " + binary + " after npm ci");
        }
        return binary;
    }

    /** The tools folder, found from the module a test runs in, wherever the checkout is. */
    private static Path toolsFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(TOOLS))) {
                return dir.resolve(TOOLS);
            }
        }
        throw new IllegalStateException("cannot find " + TOOLS + " above " + Path.of("").toAbsolutePath());
    }

    private static void install(Path tools) {
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(tools.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm ci in " + tools + " failed with " + npm.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("anvil is missing and npm cannot run: run npm ci in " + tools, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The npm package's platform suffix: linux-amd64, darwin-arm64, ... */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux";
        return system + "-" + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64");
    }
}
