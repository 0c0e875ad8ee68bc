package com.usdtagent.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** For a start with the embedded database and no AUTH_JWT_SECRET: one secret generated once and kept in DATA_DIR. */
final class JwtSecret {

    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private JwtSecret() {
    }

    static byte[] generatedOnceIn(Path dataDir) {
        Path file = dataDir.resolve("auth-jwt-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                log.warn("AUTH_JWT_SECRET is not set: generated one and keep it in {}; set AUTH_JWT_SECRET in production", file);
            } else {
                log.warn("AUTH_JWT_SECRET is not set: using the one generated earlier in {}", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated token secret in " + file, e);
        }
    }
}
