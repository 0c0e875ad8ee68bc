package com.usdtagent.bootstrap;

import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.socketio.SocketSettings;
import com.usdtagent.webrtc.IceSettings;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final String SECRET = "s".repeat(32);
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";

    @Test
    void anEmptyEnvironmentGivesTheDocumentedDefaults() {
        var settings = Settings.fromEnvironment(Map.of());

        assertThat(settings.socketPort()).isEqualTo(9092);
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.database()).isEmpty();
        assertThat(settings.dataDir().getFileName()).hasToString("data");
        assertThat(settings.jwtSecret()).isEmpty();
        assertThat(settings.tokenTimeToLive()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.sessionTimeToLive()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.admin()).isEmpty();
        assertThat(settings.calls().provider()).isEqualTo(Settings.VoiceProvider.WEBRTC);
        assertThat(settings.calls().ice()).isEqualTo(new IceSettings(List.of(), List.of(), Optional.empty(),
                Duration.ofHours(1), false));
        assertThat(settings.calls().agoraAppId()).isEmpty();
        assertThat(settings.calls().agoraCertificate()).isEmpty();
        assertThat(settings.calls().tokenTimeToLive()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.calls().ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.calls().disconnectGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.push()).isEqualTo(Settings.PushSettings.OFF);
        assertThat(settings.push().showPreview()).isTrue();
        assertThat(settings.websocketCompression()).isFalse();
        assertThat(settings.redis()).isEmpty();
        assertThat(settings.attachments()).isEqualTo(new Settings.AttachmentSettings(10 * 1024 * 1024,
                200 * 1024 * 1024, 40_000_000, Duration.ofMinutes(15), Optional.empty()));
    }

    @Test
    void theLimitsDefaultToTheDocumentedValuesAndReadTheirVariables() {
        assertThat(Settings.fromEnvironment(Map.of()).limits()).isEqualTo(LimitSettings.DEFAULTS);
        assertThat(LimitSettings.DEFAULTS).isEqualTo(new LimitSettings(new SocketSettings.Limits(20, 50, 10),
                new SignInThrottle.Limits(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(1), 20),
                new OrderLimits(3, 3), List.of()));

        var limits = Settings.fromEnvironment(Map.of("RATE_LIMIT_EVENTS_PER_SECOND", "5", "RATE_LIMIT_EVENTS_BURST", "9",
                "SOCKETS_PER_USER", "2", "RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT", "3",
                "RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS", "30", "RATE_LIMIT_LOGIN_BACKOFF", "30s",
                "RATE_LIMIT_REGISTRATIONS_PER_HOUR", "1000", "TRUSTED_PROXIES", "10.0.0.7, 2001:db8::1",
                "MAX_UNPAID_ORDERS_PER_USER", "1", "MAX_CANCELLATIONS_PER_DAY", "5")).limits();

        assertThat(limits).isEqualTo(new LimitSettings(new SocketSettings.Limits(5, 9, 2),
                new SignInThrottle.Limits(3, 30, Duration.ofMinutes(15), Duration.ofSeconds(30), 1000),
                new OrderLimits(1, 5), List.of("10.0.0.7", "2001:db8::1")));
    }

    @Test
    void aBadLimitIsOneLineNamingTheVariable() {
        assertRefused(Map.of("RATE_LIMIT_EVENTS_PER_SECOND", "0"), "RATE_LIMIT_EVENTS_PER_SECOND");
        assertRefused(Map.of("SOCKETS_PER_USER", "many"), "SOCKETS_PER_USER");
        assertRefused(Map.of("RATE_LIMIT_LOGIN_BACKOFF", "2h"), "RATE_LIMIT_LOGIN_BACKOFF");
        assertRefused(Map.of("TRUSTED_PROXIES", "proxy.example.com"), "TRUSTED_PROXIES");
        assertRefused(Map.of("MAX_CANCELLATIONS_PER_DAY", "-1"), "MAX_CANCELLATIONS_PER_DAY");
    }

    @Test
    void readsTheAttachmentVariables(@TempDir Path dir) {
        var attachments = Settings.fromEnvironment(Map.of("ATTACHMENT_MAX_BYTES", "5MiB",
                "ATTACHMENT_DAILY_BYTES", "1073741824", "ATTACHMENT_MAX_PIXELS", "24000000",
                "ATTACHMENT_URL_TTL", "5m", "ATTACHMENT_DIR", dir.resolve("files").toString())).attachments();

        assertThat(attachments).isEqualTo(new Settings.AttachmentSettings(5 * 1024 * 1024, 1024 * 1024 * 1024,
                24_000_000, Duration.ofMinutes(5), Optional.of(dir.resolve("files"))));
        assertThat(dir.resolve("files")).isDirectory();
        assertThat(Settings.fromEnvironment(Map.of("ATTACHMENT_MAX_BYTES", "512 KiB")).attachments().maxBytes())
                .isEqualTo(512 * 1024);
    }

    @Test
    void aBadAttachmentValueIsOneLineNamingTheVariable(@TempDir Path dir) throws IOException {
        assertRefused(Map.of("ATTACHMENT_MAX_BYTES", "10MB"), "ATTACHMENT_MAX_BYTES");
        assertRefused(Map.of("ATTACHMENT_MAX_BYTES", "2GiB"), "ATTACHMENT_MAX_BYTES");
        assertRefused(Map.of("ATTACHMENT_DAILY_BYTES", "0"), "ATTACHMENT_DAILY_BYTES");
        assertRefused(Map.of("ATTACHMENT_MAX_PIXELS", "many"), "ATTACHMENT_MAX_PIXELS");
        assertRefused(Map.of("ATTACHMENT_URL_TTL", "10s"), "ATTACHMENT_URL_TTL");
        assertRefused(Map.of("ATTACHMENT_URL_TTL", "30d"), "ATTACHMENT_URL_TTL");
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertRefused(Map.of("ATTACHMENT_DIR", file.toString()), "ATTACHMENT_DIR");
    }

    @Test
    void readsTheScaleOutVariables() {
        var settings = Settings.fromEnvironment(Map.of("REDIS_URL", "redis://:pw-hunter22@cache.internal:6380/3",
                "REDIS_KEY_PREFIX", "staging:", "SOCKET_WEBSOCKET_COMPRESSION", "true"));

        assertThat(settings.websocketCompression()).isTrue();
        assertThat(settings.redis().orElseThrow().url()).isEqualTo(URI.create("redis://:pw-hunter22@cache.internal:6380/3"));
        assertThat(settings.redis().orElseThrow().keyPrefix()).isEqualTo("staging:");
        assertThat(settings.toString()).doesNotContain("hunter22");
        assertThat(Settings.fromEnvironment(Map.of("REDIS_URL", "redis://127.0.0.1")).redis().orElseThrow().keyPrefix())
                .isEqualTo("usdt-agent:");
    }

    @Test
    void readsTheCallVariables() {
        var calls = Settings.fromEnvironment(Map.of("AGORA_APP_ID", APP_ID, "AGORA_APP_CERTIFICATE", CERTIFICATE,
                "CALL_TOKEN_TTL_SECONDS", "600", "CALL_RING_TIMEOUT_SECONDS", "30",
                "CALL_DISCONNECT_GRACE_SECONDS", "10")).calls();

        assertThat(calls.provider()).isEqualTo(Settings.VoiceProvider.AGORA);
        assertThat(calls.agoraAppId()).contains(APP_ID);
        assertThat(calls.agoraCertificate()).contains(CERTIFICATE);
        assertThat(calls.tokenTimeToLive()).isEqualTo(Duration.ofMinutes(10));
        assertThat(calls.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(calls.disconnectGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(calls.toString()).doesNotContain(CERTIFICATE);
    }

    @Test
    void readsTheWebRtcVariables() {
        var calls = Settings.fromEnvironment(Map.of("AGORA_APP_ID", APP_ID, "VOICE_PROVIDER", "WebRTC",
                "STUN_URLS", "stun:stun.example.org:3478, stun:10.0.0.2",
                "TURN_URLS", "turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349",
                "TURN_SECRET", "turn-hunter22", "TURN_CREDENTIAL_TTL_SECONDS", "600", "ICE_TRANSPORT_POLICY", "relay")).calls();

        assertThat(calls.provider()).isEqualTo(Settings.VoiceProvider.WEBRTC);
        assertThat(calls.ice()).isEqualTo(new IceSettings(List.of("stun:stun.example.org:3478", "stun:10.0.0.2"),
                List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"),
                Optional.of("turn-hunter22"), Duration.ofMinutes(10), true));
        assertThat(calls.toString()).doesNotContain("hunter22");
        assertThat(Settings.fromEnvironment(Map.of("VOICE_PROVIDER", "off")).calls().provider())
                .isEqualTo(Settings.VoiceProvider.OFF);
    }

    @Test
    void aBadVoiceValueIsOneLineNamingTheVariable() {
        String turn = "turn:127.0.0.1:3478";
        assertRefused(Map.of("VOICE_PROVIDER", "jitsi"), "VOICE_PROVIDER");
        assertRefused(Map.of("VOICE_PROVIDER", "agora"), "AGORA_APP_ID");
        assertRefused(Map.of("STUN_URLS", "stun.example.org"), "STUN_URLS");
        assertRefused(Map.of("STUN_URLS", "turn:a.example"), "STUN_URLS");
        assertRefused(Map.of("TURN_URLS", "turn:a.example:99999", "TURN_SECRET", "s"), "TURN_URLS");
        assertRefused(Map.of("TURN_URLS", turn), "TURN_SECRET");
        assertRefused(Map.of("TURN_SECRET", "turn-hunter22"), "TURN_URLS");
        assertRefused(Map.of("TURN_CREDENTIAL_TTL_SECONDS", "5"), "TURN_CREDENTIAL_TTL_SECONDS");
        assertRefused(Map.of("ICE_TRANSPORT_POLICY", "none"), "ICE_TRANSPORT_POLICY");
        assertRefused(Map.of("ICE_TRANSPORT_POLICY", "relay"), "ICE_TRANSPORT_POLICY");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TURN_SECRET", "turn-hunter22")))
                .message().doesNotContain("hunter22");
    }

    @Test
    void readsTheBrowserAndMetricsVariables() {
        var settings = Settings.fromEnvironment(Map.of("CORS_ALLOWED_ORIGINS", " https://App.example.com , http://localhost:3000",
                "METRICS_PORT", "9100", "METRICS_TOKEN", "scrape-token-1234567"));
        assertThat(settings.corsAllowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(settings.metrics().port()).hasValue(9100);
        assertThat(settings.metrics().token()).hasValue("scrape-token-1234567");
        assertThat(settings.toString()).doesNotContain("scrape-token");

        var defaults = Settings.fromEnvironment(Map.of("METRICS_PORT", "8080"));
        assertThat(defaults.corsAllowedOrigins()).isEmpty();
        assertThat(defaults.metrics().port()).as("the HTTP port is no port of its own").isEmpty();
    }

    @Test
    void aBadBrowserOrMetricsValueIsOneLineNamingTheVariable() {
        assertRefused(Map.of("CORS_ALLOWED_ORIGINS", "https://app.example.com/path"), "CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("CORS_ALLOWED_ORIGINS", "*"), "CORS_ALLOWED_ORIGINS");
        assertRefused(Map.of("METRICS_PORT", "9092"), "METRICS_PORT");
        assertRefused(Map.of("METRICS_PORT", "0"), "METRICS_PORT");
        assertRefused(Map.of("METRICS_TOKEN", "short"), "METRICS_TOKEN");
    }

    @Test
    void readsThePushVariablesWithGooglesCredentialsVariableAsTheFallback(@TempDir Path dir) throws IOException {
        Path fcm = Files.writeString(dir.resolve("fcm.json"), "{}");
        Path google = Files.writeString(dir.resolve("google.json"), "{}");

        var settings = Settings.fromEnvironment(Map.of("FCM_CREDENTIALS_FILE", fcm.toString(),
                "GOOGLE_APPLICATION_CREDENTIALS", google.toString(), "FCM_ENDPOINT", "http://localhost:9099",
                "PUSH_SHOW_PREVIEW", "false"));

        assertThat(settings.push()).isEqualTo(new Settings.PushSettings(Optional.of(fcm),
                Optional.of(URI.create("http://localhost:9099")), false));
        assertThat(Settings.fromEnvironment(Map.of("GOOGLE_APPLICATION_CREDENTIALS", google.toString()))
                .push().fcmCredentialsFile()).contains(google);
    }

    @Test
    void aBadPushValueIsOneLineNamingTheVariable(@TempDir Path dir) {
        assertRefused(Map.of("FCM_CREDENTIALS_FILE", dir.resolve("missing.json").toString()), "FCM_CREDENTIALS_FILE");
        assertRefused(Map.of("GOOGLE_APPLICATION_CREDENTIALS", dir.toString()), "GOOGLE_APPLICATION_CREDENTIALS");
        assertRefused(Map.of("FCM_ENDPOINT", "localhost:9099"), "FCM_ENDPOINT");
        assertRefused(Map.of("PUSH_SHOW_PREVIEW", "yes"), "PUSH_SHOW_PREVIEW");
    }

    @Test
    void readsEveryVariable() {
        var settings = Settings.fromEnvironment(Map.of(
                "SOCKET_PORT", "9100", "HTTP_PORT", "8100",
                "DATABASE_URL", "postgres://app:s3cret@db.internal:6543/market",
                "DATABASE_POOL_SIZE", "32", "DATA_DIR", "/var/lib/usdt",
                "AUTH_JWT_SECRET", SECRET, "AUTH_TOKEN_TTL", "12h",
                "ADMIN_USERNAME", "boss", "ADMIN_PASSWORD", "long enough"));

        assertThat(settings.socketPort()).isEqualTo(9100);
        assertThat(settings.httpPort()).isEqualTo(8100);
        assertThat(settings.database().orElseThrow().url()).isEqualTo("jdbc:postgresql://db.internal:6543/market");
        assertThat(settings.databasePoolSize()).isEqualTo(32);
        assertThat(settings.dataDir()).isEqualTo(java.nio.file.Path.of("/var/lib/usdt"));
        assertThat(settings.tokenTimeToLive()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.admin().orElseThrow().username()).isEqualTo("boss");
        assertThat(Settings.fromEnvironment(Map.of("AUTH_TOKEN_TTL", "PT90M")).tokenTimeToLive())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBadValueIsOneLineNamingTheVariable() {
        assertRefused(Map.of("SOCKET_PORT", "ninety"), "SOCKET_PORT");
        assertRefused(Map.of("HTTP_PORT", "70000"), "HTTP_PORT");
        assertRefused(Map.of("AUTH_JWT_SECRET", "too short"), "AUTH_JWT_SECRET");
        assertRefused(Map.of("DATABASE_URL", "postgres://localhost/db"), "AUTH_JWT_SECRET");
        assertRefused(Map.of("DATABASE_URL", "mysql://u:hunter22@h/db", "AUTH_JWT_SECRET", SECRET), "DATABASE_URL");
        assertRefused(Map.of("AUTH_TOKEN_TTL", "forever"), "AUTH_TOKEN_TTL");
        assertRefused(Map.of("AUTH_TOKEN_TTL", "0s"), "AUTH_TOKEN_TTL");
        assertRefused(Map.of("ADMIN_USERNAME", "boss"), "ADMIN_PASSWORD");
        assertRefused(Map.of("DATABASE_POOL_SIZE", "0"), "DATABASE_POOL_SIZE");
        assertRefused(Map.of("AGORA_APP_ID", "my-app"), "AGORA_APP_ID");
        assertRefused(Map.of("AGORA_APP_CERTIFICATE", CERTIFICATE), "AGORA_APP_ID");
        assertRefused(Map.of("AGORA_APP_ID", APP_ID, "AGORA_APP_CERTIFICATE", "short"), "AGORA_APP_CERTIFICATE");
        assertRefused(Map.of("CALL_TOKEN_TTL_SECONDS", "10"), "CALL_TOKEN_TTL_SECONDS");
        assertRefused(Map.of("CALL_RING_TIMEOUT_SECONDS", "soon"), "CALL_RING_TIMEOUT_SECONDS");
        assertRefused(Map.of("CALL_DISCONNECT_GRACE_SECONDS", "0"), "CALL_DISCONNECT_GRACE_SECONDS");
        assertRefused(Map.of("REDIS_URL", "127.0.0.1:6379"), "REDIS_URL");
        assertRefused(Map.of("REDIS_URL", "redis://127.0.0.1:6379/db"), "REDIS_URL");
        assertRefused(Map.of("SOCKET_WEBSOCKET_COMPRESSION", "on"), "SOCKET_WEBSOCKET_COMPRESSION");
        assertRefused(Map.of("PUBLIC_SOCKET_URL", "chat.example.com"), "PUBLIC_SOCKET_URL");
        assertRefused(Map.of("PUBLIC_SOCKET_URL", "ws://chat.example.com"), "PUBLIC_SOCKET_URL");
        assertRefused(Map.of("PUBLIC_SOCKET_URL", "https://chat.example.com/socket"), "PUBLIC_SOCKET_URL");
    }

    @Test
    void thePublicSocketUrlIsAnOriginAndDefaultsToTheWebAppsOwnHost() {
        assertThat(Settings.fromEnvironment(Map.of()).publicSocketUrl()).isEmpty();
        assertThat(Settings.fromEnvironment(Map.of("PUBLIC_SOCKET_URL", "https://chat.example.com/")).publicSocketUrl())
                .contains(URI.create("https://chat.example.com"));
        assertThat(Settings.fromEnvironment(Map.of("PUBLIC_SOCKET_URL", "http://10.0.0.5:9092")).publicSocketUrl())
                .contains(URI.create("http://10.0.0.5:9092"));
    }

    @Test
    void aRefusedDatabaseUrlDoesNotEchoItsPassword() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATABASE_URL", "mysql://u:hunter22@h/db",
                "AUTH_JWT_SECRET", SECRET))).message().doesNotContain("hunter22");
        assertThat(Settings.fromEnvironment(Map.of("DATABASE_URL", "postgres://u:hunter22@h/db",
                "AUTH_JWT_SECRET", SECRET, "ADMIN_USERNAME", "boss", "ADMIN_PASSWORD", "pw-hunter22")).toString())
                .doesNotContain("hunter22");
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> Settings.fromEnvironment(env))
                .isInstanceOf(InvalidSettingException.class)
                .message().startsWith(variable + ":").doesNotContain("\n");
    }
}
