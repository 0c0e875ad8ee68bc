package com.usdtagent.bootstrap;

import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.socketio.SocketSettings;
import com.usdtagent.webrtc.IceSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the server reads from its environment, checked before anything starts. Every variable is listed,
 * with its default, in the README's configuration table.
 *
 * @param database  empty: run the embedded PostgreSQL under {@code dataDir}
 * @param jwtSecret   empty: only allowed with the embedded database, which then keeps a generated one in {@code dataDir}
 * @param tokenTimeToLive   how long an access token is accepted
 * @param sessionTimeToLive how long a sign-in session lasts without a refresh
 * @param redis       empty: a single node, its Socket.IO rooms in memory
 * @param publicSocketUrl where browsers reach Socket.IO; empty: the host they loaded the web app from, on {@code socketPort}
 * @param chain       empty: deposits and withdrawals on chain are off
 * @param corsAllowedOrigins other sites whose pages may call the HTTP API and Socket.IO; the server's own web app
 *                           is always allowed
 * @param limits      what one user or client address may do
 */
record Settings(int socketPort, int httpPort, Optional<JdbcTarget> database, int databasePoolSize, Path dataDir,
                Optional<byte[]> jwtSecret, Duration tokenTimeToLive, Duration sessionTimeToLive,
                Optional<AdminAccount> admin,
                Duration presenceTimeToLive, CallSettings calls, PushSettings push,
                boolean websocketCompression, Optional<SocketSettings.Redis> redis,
                Optional<URI> publicSocketUrl, Optional<ChainSettings> chain, AttachmentSettings attachments,
                List<String> corsAllowedOrigins, MetricsSettings metrics, LimitSettings limits) {

    /**
     * @param port  empty: {@code /metrics} is served on the HTTP port
     * @param token empty: {@code /metrics} needs no token
     */
    record MetricsSettings(OptionalInt port, Optional<String> token) {

        static MetricsSettings from(Reader reader, int httpPort, int socketPort) {
            OptionalInt port = reader.text("METRICS_PORT").isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(reader.port("METRICS_PORT", httpPort));
            if (port.isPresent() && port.getAsInt() == socketPort) {
                throw new InvalidSettingException("METRICS_PORT", "must differ from SOCKET_PORT");
            }
            Optional<String> token = reader.text("METRICS_TOKEN");
            if (token.isPresent() && token.get().length() < 16) {
                throw new InvalidSettingException("METRICS_TOKEN", "must be at least 16 characters long");
            }
            return new MetricsSettings(port.isPresent() && port.getAsInt() == httpPort ? OptionalInt.empty() : port, token);
        }

        @Override
        public String toString() {
            return "metrics on " + (port.isPresent() ? "port " + port.getAsInt() : "the HTTP port")
                    + (token.isPresent() ? " with a token" : " without a token");
        }
    }

    /**
     * Files in chat and appeals.
     *
     * @param maxBytes      the most bytes one upload may have
     * @param dailyBytes    the most bytes one user uploads in a day (UTC)
     * @param maxPixels     the most pixels an image may have
     * @param linkTimeToLive how long a signed link to a file works
     * @param directory     empty: the bytes are kept in PostgreSQL
     */
    record AttachmentSettings(long maxBytes, long dailyBytes, long maxPixels, Duration linkTimeToLive,
                              Optional<Path> directory) {

        static final AttachmentSettings DEFAULTS = new AttachmentSettings(10 * MIB, 200 * MIB, 40_000_000,
                Duration.ofMinutes(15), Optional.empty());
        private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(|B|KiB|MiB|GiB)");

        static AttachmentSettings from(Reader reader) {
            Duration linkTimeToLive = reader.duration("ATTACHMENT_URL_TTL", DEFAULTS.linkTimeToLive());
            if (linkTimeToLive.compareTo(Duration.ofMinutes(1)) < 0 || linkTimeToLive.compareTo(Duration.ofDays(7)) > 0) {
                throw new InvalidSettingException("ATTACHMENT_URL_TTL", "must be from 1m to 7d");
            }
            return new AttachmentSettings(
                    size(reader, "ATTACHMENT_MAX_BYTES", DEFAULTS.maxBytes(), 1024, GIB),
                    size(reader, "ATTACHMENT_DAILY_BYTES", DEFAULTS.dailyBytes(), 1024, 1024 * GIB),
                    reader.integer("ATTACHMENT_MAX_PIXELS", (int) DEFAULTS.maxPixels(), 1, 500_000_000),
                    linkTimeToLive,
                    reader.text("ATTACHMENT_DIR").map(value -> writableDirectory(reader.path("ATTACHMENT_DIR", value))));
        }

        /** Bytes, or a number with {@code KiB}, {@code MiB} or {@code GiB}. */
        private static long size(Reader reader, String name, long fallback, long min, long max) {
            return reader.text(name).map(value -> {
                Matcher size = SIZE.matcher(value);
                if (size.matches()) {
                    long unit = switch (size.group(2)) {
                        case "KiB" -> 1024;
                        case "MiB" -> MIB;
                        case "GiB" -> GIB;
                        default -> 1;
                    };
                    long bytes = Long.parseLong(size.group(1)) * unit;
                    if (bytes >= min && bytes <= max) {
                        return bytes;
                    }
                }
                throw new InvalidSettingException(name, "must be a number of bytes from " + min + " to " + max
                        + ", or with KiB, MiB or GiB such as 10MiB, got '" + value + "'");
            }).orElse(fallback);
        }

        private static Path writableDirectory(Path directory) {
            try {
                Files.createDirectories(directory);
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingException("ATTACHMENT_DIR", "cannot be created: '" + directory + "'");
            }
            if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                throw new InvalidSettingException("ATTACHMENT_DIR", "is not a writable directory: '" + directory + "'");
            }
            return directory;
        }
    }

    /** Who carries the audio of calls; {@code OFF} refuses every call before it rings. */
    enum VoiceProvider { AGORA, WEBRTC, OFF }

    /**
     * Voice calls: the call timers, and the provider with its settings.
     *
     * @param agoraAppId       present with {@code AGORA}
     * @param agoraCertificate empty with an app id: Agora's testing mode, without tokens
     * @param ice              the STUN and TURN servers of {@code WEBRTC}
     */
    record CallSettings(VoiceProvider provider, Optional<String> agoraAppId, Optional<String> agoraCertificate,
                        Duration tokenTimeToLive, Duration ringTimeout, Duration disconnectGrace, IceSettings ice) {

        /** Agora's app ids and certificates are 32 hexadecimal characters; its token builder refuses anything else. */
        private static final Pattern AGORA_KEY = Pattern.compile("[0-9a-fA-F]{32}");

        static CallSettings from(Reader reader) {
            Optional<String> appId = reader.text("AGORA_APP_ID");
            Optional<String> certificate = reader.text("AGORA_APP_CERTIFICATE");
            if (appId.isPresent() && !AGORA_KEY.matcher(appId.get()).matches()) {
                throw new InvalidSettingException("AGORA_APP_ID", "must be the 32 hexadecimal characters of an Agora app id");
            }
            if (certificate.isPresent() && !AGORA_KEY.matcher(certificate.get()).matches()) {
                // the value is a secret: never echoed
                throw new InvalidSettingException("AGORA_APP_CERTIFICATE", "must be the 32 hexadecimal characters of an Agora app certificate");
            }
            if (certificate.isPresent() && appId.isEmpty()) {
                throw new InvalidSettingException("AGORA_APP_ID", "is required when AGORA_APP_CERTIFICATE is set");
            }
            VoiceProvider provider = reader.choice("VOICE_PROVIDER", VoiceProvider.class,
                    appId.isPresent() ? VoiceProvider.AGORA : VoiceProvider.WEBRTC);
            if (provider == VoiceProvider.AGORA && appId.isEmpty()) {
                throw new InvalidSettingException("AGORA_APP_ID", "is required when VOICE_PROVIDER is agora");
            }
            return new CallSettings(provider, appId, certificate,
                    Duration.ofSeconds(reader.integer("CALL_TOKEN_TTL_SECONDS", 3600, 60, 86_400)),
                    Duration.ofSeconds(reader.integer("CALL_RING_TIMEOUT_SECONDS", 45, 5, 600)),
                    Duration.ofSeconds(reader.integer("CALL_DISCONNECT_GRACE_SECONDS", 20, 1, 600)),
                    ice(reader));
        }

        private static IceSettings ice(Reader reader) {
            List<String> stun = urls(reader, "STUN_URLS", IceSettings::stunUrls);
            List<String> turn = urls(reader, "TURN_URLS", IceSettings::turnUrls);
            Optional<String> secret = reader.text("TURN_SECRET");
            if (!turn.isEmpty() && secret.isEmpty()) {
                throw new InvalidSettingException("TURN_SECRET", "is required when TURN_URLS is set");
            }
            if (turn.isEmpty() && secret.isPresent()) {
                throw new InvalidSettingException("TURN_URLS", "is required when TURN_SECRET is set");
            }
            Duration ttl = Duration.ofSeconds(reader.integer("TURN_CREDENTIAL_TTL_SECONDS", 3600, 60, 86_400));
            boolean relayOnly =
                    reader.choice("ICE_TRANSPORT_POLICY", IcePolicy.class, IcePolicy.ALL) == IcePolicy.RELAY;
            if (relayOnly && turn.isEmpty()) {
                throw new InvalidSettingException("ICE_TRANSPORT_POLICY",
                        "relay needs a TURN server: set TURN_URLS and TURN_SECRET");
            }
            return new IceSettings(stun, turn, secret, ttl, relayOnly);
        }

        private static List<String> urls(Reader reader, String name, Function<String, List<String>> parse) {
            return reader.text(name).map(value -> {
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException unusable) {
                    throw new InvalidSettingException(name, unusable.getMessage());
                }
            }).orElse(List.of());
        }

        private enum IcePolicy { ALL, RELAY }

        @Override
        public String toString() {
            return "CallSettings[provider=" + provider + ", agoraAppId=" + agoraAppId.orElse("none") + ", certificate="
                    + (agoraCertificate.isPresent() ? "set" : "none") + ", ringTimeout=" + ringTimeout
                    + ", ice=" + ice + "]";
        }
    }

    /**
     * @param fcmCredentialsFile empty: push is off
     * @param fcmEndpoint        empty: Google's FCM
     * @param showPreview        false: a message's push says "New message" instead of its text
     */
    record PushSettings(Optional<Path> fcmCredentialsFile, Optional<URI> fcmEndpoint, boolean showPreview) {

        static final PushSettings OFF = new PushSettings(Optional.empty(), Optional.empty(), true);
    }

    record AdminAccount(String username, String password) {
        @Override
        public String toString() {
            return "AdminAccount[" + username + "]";
        }
    }

    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    private static final Pattern REDIS_DATABASE = Pattern.compile("(/\\d{0,4})?");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    static Settings fromEnvironment(Map<String, String> env) {
        var reader = new Reader(env);
        Optional<JdbcTarget> database = reader.text("DATABASE_URL").map(url -> {
            try {
                return JdbcTarget.parse(url);
            } catch (IllegalArgumentException unusable) {
                throw new InvalidSettingException("DATABASE_URL", unusable.getMessage());
            }
        });
        Optional<byte[]> secret = reader.text("AUTH_JWT_SECRET").map(value -> value.getBytes(StandardCharsets.UTF_8));
        if (secret.isPresent() && secret.get().length < 32) {
            throw new InvalidSettingException("AUTH_JWT_SECRET", "must be at least 32 bytes long");
        }
        if (secret.isEmpty() && database.isPresent()) {
            throw new InvalidSettingException("AUTH_JWT_SECRET", "is required when DATABASE_URL is set");
        }
        Optional<String> adminUsername = reader.text("ADMIN_USERNAME");
        Optional<String> adminPassword = reader.text("ADMIN_PASSWORD");
        if (adminUsername.isPresent() != adminPassword.isPresent()) {
            throw new InvalidSettingException(adminUsername.isPresent() ? "ADMIN_PASSWORD" : "ADMIN_USERNAME",
                    "ADMIN_USERNAME and ADMIN_PASSWORD go together; set both or neither");
        }
        int socketPort = reader.port("SOCKET_PORT", 9092);
        int httpPort = reader.port("HTTP_PORT", 8080);
        return new Settings(
                socketPort,
                httpPort,
                database,
                reader.integer("DATABASE_POOL_SIZE", 16, 1, 500),
                reader.path("DATA_DIR", "./data"),
                secret,
                reader.duration("AUTH_TOKEN_TTL", Duration.ofMinutes(15)),
                reader.duration("AUTH_SESSION_TTL", Duration.ofDays(30)),
                adminUsername.map(name -> new AdminAccount(name, adminPassword.orElseThrow())),
                Duration.ofSeconds(reader.integer("PRESENCE_TTL_SECONDS", 30, 3, 3600)),
                CallSettings.from(reader),
                pushSettings(reader),
                reader.bool("SOCKET_WEBSOCKET_COMPRESSION", false),
                redis(reader),
                publicSocketUrl(reader),
                ChainSettings.from(reader),
                AttachmentSettings.from(reader),
                corsAllowedOrigins(reader),
                MetricsSettings.from(reader, httpPort, socketPort),
                LimitSettings.from(reader));
    }

    /** Origins as browsers send them: {@code scheme://host[:port]}, nothing after. */
    private static List<String> corsAllowedOrigins(Reader reader) {
        return reader.text("CORS_ALLOWED_ORIGINS").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> {
                    if (!ORIGIN.matcher(origin).matches()) {
                        throw new InvalidSettingException("CORS_ALLOWED_ORIGINS",
                                "must be origins such as https://app.example.com, comma-separated, got '" + origin + "'");
                    }
                    return origin.toLowerCase(Locale.ROOT);
                })
                .distinct()
                .toList();
    }

    /** An origin only: socket.io-client would take a path for a namespace. */
    private static Optional<URI> publicSocketUrl(Reader reader) {
        return reader.text("PUBLIC_SOCKET_URL").map(value -> {
            try {
                URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null
                        && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            throw new InvalidSettingException("PUBLIC_SOCKET_URL",
                    "must be an http or https origin without a path, such as https://chat.example.com, got '" + value + "'");
        });
    }

    private static Optional<SocketSettings.Redis> redis(Reader reader) {
        String prefix = reader.text("REDIS_KEY_PREFIX").orElse("usdt-agent:");
        return reader.text("REDIS_URL").map(value -> {
            try {
                URI uri = new URI(value);
                String database = uri.getPath() == null ? "" : uri.getPath();
                if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null
                        && REDIS_DATABASE.matcher(database).matches() && uri.getQuery() == null) {
                    return new SocketSettings.Redis(uri, prefix);
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            // the URL may hold a password: never echoed
            throw new InvalidSettingException("REDIS_URL", "must look like redis://[:password@]host[:port][/database] or rediss://...");
        });
    }

    private static PushSettings pushSettings(Reader reader) {
        // FCM's own variable name comes first; Google's usual one is honoured too
        String credentialsVariable = reader.text("FCM_CREDENTIALS_FILE").isPresent()
                ? "FCM_CREDENTIALS_FILE" : "GOOGLE_APPLICATION_CREDENTIALS";
        Optional<Path> credentials = reader.text(credentialsVariable).map(value -> {
            Path file = reader.path(credentialsVariable, value);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidSettingException(credentialsVariable, "is not a readable file: '" + value + "'");
            }
            return file;
        });
        Optional<URI> endpoint = reader.text("FCM_ENDPOINT").map(value -> {
            try {
                URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            throw new InvalidSettingException("FCM_ENDPOINT", "must be an http or https URL such as http://localhost:9099, got '" + value + "'");
        });
        return new PushSettings(credentials, endpoint, reader.bool("PUSH_SHOW_PREVIEW", true));
    }

    @Override
    public String toString() {
        return "Settings[socketPort=" + socketPort + ", httpPort=" + httpPort + ", database="
                + (database.isPresent() ? "external" : "embedded") + ", dataDir=" + dataDir
                + ", push=" + (push.fcmCredentialsFile().isPresent() ? "FCM" : "off")
                + ", websocketCompression=" + websocketCompression
                + ", redis=" + redis.map(SocketSettings.Redis::toString).orElse("none")
                + ", publicSocketUrl=" + publicSocketUrl.map(URI::toString).orElse("same host")
                + ", chain=" + chain.map(ChainSettings::toString).orElse("off") + ", attachments=" + attachments
                + ", corsAllowedOrigins=" + corsAllowedOrigins + ", " + metrics
                + ", limits=" + limits + "]";
    }

    record Reader(Map<String, String> env) {

        Optional<String> text(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        int port(String name, int fallback) {
            return integer(name, fallback, 1, 65535);
        }

        int integer(String name, int fallback, int min, int max) {
            return text(name).map(value -> {
                try {
                    int number = Integer.parseInt(value);
                    if (number >= min && number <= max) {
                        return number;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below with the allowed range
                }
                throw new InvalidSettingException(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
            }).orElse(fallback);
        }

        /** One of the constants of {@code type}, written in any case. */
        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            return text(name).map(value -> {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equalsIgnoreCase(value)) {
                        return constant;
                    }
                }
                String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
                throw new InvalidSettingException(name, "must be one of " + allowed + ", got '" + value + "'");
            }).orElse(fallback);
        }

        boolean bool(String name, boolean fallback) {
            return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidSettingException(name, "must be true or false, got '" + value + "'");
            }).orElse(fallback);
        }

        Path path(String name, String fallback) {
            String value = text(name).orElse(fallback);
            try {
                return Path.of(value).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new InvalidSettingException(name, "is not a usable path: '" + value + "'");
            }
        }

        /** Accepts "7d", "12h", "30m", "3600s" or an ISO-8601 duration such as "PT12H". */
        Duration duration(String name, Duration fallback) {
            return text(name).map(value -> {
                Duration parsed = parseDuration(value);
                if (parsed == null || parsed.isNegative() || parsed.isZero()) {
                    throw new InvalidSettingException(name, "must be a positive duration such as 7d, 12h, 30m or PT12H, got '" + value + "'");
                }
                return parsed;
            }).orElse(fallback);
        }

        private static Duration parseDuration(String value) {
            Matcher simple = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                return switch (simple.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
