package com.usdtagent.bootstrap;

import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.testing.TestDatabases;
import com.usdtagent.push.testing.FakeFcm;
import com.usdtagent.socketio.SocketSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The real server, wired as Main wires it, on free ports and a fresh database, with an HTTP client for the tests. */
final class TestNode extends HttpApi implements AutoCloseable {

    static final String JWT_SECRET = "end-to-end-test-secret-of-at-least-32-bytes";
    static final String ADMIN_USERNAME = "root_admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    /** Agora's own published test app id and certificate (AgoraIO/Tools); tokens signed with them work nowhere. */
    static final String AGORA_APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String AGORA_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    static final Settings.CallSettings CALLS = calls(Duration.ofSeconds(45), Duration.ofSeconds(20));
    /**
     * The production limits on sockets, and HTTP and order limits no test meets unless it means to: the tests
     * register many accounts from one address and place many orders.
     */
    static final LimitSettings LIMITS = new LimitSettings(SocketSettings.Limits.DEFAULTS,
            new SignInThrottle.Limits(1000, 100_000, Duration.ofMinutes(15), Duration.ofMinutes(1), 100_000),
            new OrderLimits(1000, 1000), List.of());

    private final Settings settings;
    private final PushOutbox push;
    private ServiceNode node;

    private TestNode(Settings settings, PushOutbox push) {
        super(settings.httpPort());
        this.settings = settings;
        this.push = push;
    }

    /** Push off, as without FCM credentials. */
    static TestNode start() {
        return start(settings(TestDatabases.fresh(), CALLS, Settings.PushSettings.OFF), null);
    }

    /** Push through this outbox instead. */
    static TestNode start(PushOutbox push) {
        return start(push, CALLS);
    }

    static Settings.CallSettings calls(Duration ringTimeout, Duration disconnectGrace) {
        return new Settings.CallSettings(Settings.VoiceProvider.AGORA, Optional.of(AGORA_APP_ID),
                Optional.of(AGORA_CERTIFICATE), Duration.ofHours(1), ringTimeout, disconnectGrace,
                Settings.fromEnvironment(Map.of()).calls().ice());
    }

    /** Push off, calls with these settings. */
    static TestNode start(Settings.CallSettings calls) {
        return start(settings(TestDatabases.fresh(), calls, Settings.PushSettings.OFF), null);
    }

    /** Push through this outbox, calls with these settings. */
    static TestNode start(PushOutbox push, Settings.CallSettings calls) {
        return start(settings(TestDatabases.fresh(), calls, Settings.PushSettings.OFF), push);
    }

    /** Push off, files with these settings. */
    static TestNode start(Settings.AttachmentSettings attachments) {
        return start(settings(TestDatabases.fresh(), CALLS, Settings.PushSettings.OFF, Optional.empty(), attachments,
                Optional.empty(), LIMITS), null);
    }

    /** Push off, with these limits, and the sockets' rooms and limits shared through this Redis when present. */
    static TestNode start(LimitSettings limits, Optional<SocketSettings.Redis> redis) {
        return start(settings(TestDatabases.fresh(), CALLS, Settings.PushSettings.OFF, Optional.empty(),
                Settings.AttachmentSettings.DEFAULTS, redis, limits), null);
    }

    /** Push off; CORS and the socket's Origin check allow these sites besides the server's own web app. */
    static TestNode startAllowing(List<String> corsAllowedOrigins) {
        return start(settings(TestDatabases.fresh(), CALLS, Settings.PushSettings.OFF, Optional.empty(),
                Settings.AttachmentSettings.DEFAULTS, Optional.empty(), LIMITS, corsAllowedOrigins), null);
    }

    /** Push on, through firebase-admin, to the fake FCM. */
    static TestNode startWith(FakeFcm fcm) {
        return start(settings(TestDatabases.fresh(), CALLS, pushTo(fcm)), null);
    }

    /** Deposits and withdrawals on this chain; push through this outbox. */
    static TestNode startWith(ChainSettings chain, PushOutbox push) {
        return start(settings(TestDatabases.fresh(), CALLS, Settings.PushSettings.OFF, Optional.of(chain),
                Settings.AttachmentSettings.DEFAULTS, Optional.empty(), LIMITS), push);
    }

    /** A second node on the same database as {@code other}, as a cluster of two would run. */
    static TestNode startAlongside(TestNode other) {
        Settings theirs = other.settings;
        return start(settings(theirs.database().orElseThrow(), theirs.calls(), theirs.push(), theirs.chain(),
                theirs.attachments(), theirs.redis(), theirs.limits()), other.push);
    }

    static Settings.PushSettings pushTo(FakeFcm fcm) {
        return new Settings.PushSettings(Optional.of(fcm.serviceAccountFile()), Optional.of(fcm.endpoint()), true);
    }

    private static TestNode start(Settings settings, PushOutbox push) {
        var testNode = new TestNode(settings, push);
        testNode.node = ServiceNode.start(settings, push);
        return testNode;
    }

    private static Settings settings(JdbcTarget database, Settings.CallSettings calls, Settings.PushSettings push) {
        return settings(database, calls, push, Optional.empty(), Settings.AttachmentSettings.DEFAULTS, Optional.empty(),
                LIMITS);
    }

    private static Settings settings(JdbcTarget database, Settings.CallSettings calls, Settings.PushSettings push,
                                     Optional<ChainSettings> chain, Settings.AttachmentSettings attachments,
                                     Optional<SocketSettings.Redis> redis, LimitSettings limits) {
        return settings(database, calls, push, chain, attachments, redis, limits, List.of());
    }

    private static Settings settings(JdbcTarget database, Settings.CallSettings calls, Settings.PushSettings push,
                                     Optional<ChainSettings> chain, Settings.AttachmentSettings attachments,
                                     Optional<SocketSettings.Redis> redis, LimitSettings limits,
                                     List<String> corsAllowedOrigins) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("usdt-agent-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Settings(FreePorts.next(), FreePorts.next(), Optional.of(database), 8, dataDir,
                Optional.of(JWT_SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofHours(1), Duration.ofDays(30),
                Optional.of(new Settings.AdminAccount(ADMIN_USERNAME, ADMIN_PASSWORD)), Duration.ofSeconds(30), calls, push,
                false, redis, Optional.empty(), chain, attachments, corsAllowedOrigins,
                new Settings.MetricsSettings(OptionalInt.empty(), Optional.empty()), limits);
    }

    /** Stops this node and starts a new one on the same database, as a server restart would. */
    void restart() {
        restart(() -> { });
    }

    /** Stops this node, does {@code whileStopped}, then starts a new one on the same database. */
    void restart(Runnable whileStopped) {
        node.close();
        whileStopped.run();
        node = ServiceNode.start(settings, push);
    }

    URI socketUri() {
        return URI.create("http://127.0.0.1:" + node.socketPort());
    }

    int socketPort() {
        return node.socketPort();
    }

    /** Runs one statement on the node's database, for what a test cannot wait for, such as time passing. */
    void execute(String sql) {
        execute(settings.database().orElseThrow(), sql);
    }

    /** The number the query answers, such as a count of rows, from the node's database. */
    long number(String sql) {
        try (Connection connection = connect(settings.database().orElseThrow());
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on this database. */
    static void execute(JdbcTarget target, String sql) {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Locks {@code table} against every read of the node's until the returned lock is closed. */
    AutoCloseable lockAgainstReads(String table) {
        try {
            Connection connection = connect(settings.database().orElseThrow());
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            return connection::close; // closing rolls the lock back
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        return target.user() == null ? DriverManager.getConnection(target.url())
                : DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    @Override
    public void close() {
        node.close();
    }
}
