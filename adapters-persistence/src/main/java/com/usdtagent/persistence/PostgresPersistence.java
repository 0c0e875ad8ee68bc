package com.usdtagent.persistence;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.application.account.AttemptCounters;
import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.health.DatabaseProbe;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.Devices;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.application.trade.Orders;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * The PostgreSQL side of the service: a connection pool, the migrated schema, and the ports built on them; on a
 * server of its own ({@link #open}) or on the embedded one it starts ({@link #openEmbedded}).
 */
public final class PostgresPersistence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);
    private static final int DEFAULT_MAX_POOL_SIZE = 16;

    /** The embedded server this persistence started and stops, or null. */
    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final UserAccounts userAccounts;
    private final Transactions transactions;
    private final DatabaseProbe databaseProbe;
    private final ChatRooms chatRooms;
    private final RoomList roomList;
    private final Messages messages;
    private final CallSessions callSessions;
    private final Devices devices;
    private final PushQueue pushQueue;
    private final Offers offers;
    private final Orders orders;
    private final Ledger ledger;
    private final Attachments attachments;
    private final AttachmentStore attachmentStore;
    private final UploadQuotas uploadQuotas;
    private final AttemptCounters attemptCounters;

    private PostgresPersistence(EmbeddedDatabase embedded, HikariDataSource dataSource, Jdbi jdbi) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.userAccounts = new JdbiUserAccounts(jdbi);
        this.transactions = new JdbiTransactions(jdbi, dataSource);
        this.databaseProbe = new JdbiDatabaseProbe(jdbi);
        this.chatRooms = new JdbiChatRooms(jdbi);
        this.roomList = new JdbiRoomList(jdbi);
        this.messages = new JdbiMessages(jdbi);
        this.callSessions = new JdbiCallSessions(jdbi);
        this.devices = new JdbiDevices(jdbi);
        this.pushQueue = new JdbiPushQueue(jdbi);
        this.offers = new JdbiOffers(jdbi);
        this.orders = new JdbiOrders(jdbi);
        this.ledger = new JdbiLedger(jdbi);
        this.attachments = new JdbiAttachments(jdbi);
        this.attachmentStore = new JdbiAttachmentStore(jdbi);
        this.uploadQuotas = new JdbiUploadQuotas(jdbi);
        this.attemptCounters = new JdbiAttemptCounters(jdbi);
    }

    public static PostgresPersistence open(JdbcTarget target, MeterRegistry meterRegistry) {
        return open(target, meterRegistry, DEFAULT_MAX_POOL_SIZE);
    }

    /** Connects, migrates the schema and fails at once, with a message saying which of the two went wrong. */
    public static PostgresPersistence open(JdbcTarget target, MeterRegistry meterRegistry, int maxPoolSize) {
        return open(null, target, meterRegistry, maxPoolSize);
    }

    /**
     * Starts the embedded PostgreSQL, whose data lives in {@code dataDirectory/postgres} and survives restarts, then
     * opens on it as {@link #open} does; {@link #close} stops it after the pool.
     */
    public static PostgresPersistence openEmbedded(Path dataDirectory, MeterRegistry meterRegistry, int maxPoolSize) {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDirectory);
        try {
            return open(embedded, embedded.target(), meterRegistry, maxPoolSize);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static PostgresPersistence open(EmbeddedDatabase embedded, JdbcTarget target, MeterRegistry meterRegistry,
                                            int maxPoolSize) {
        HikariDataSource dataSource = connect(target, meterRegistry, maxPoolSize);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        return new PostgresPersistence(embedded, dataSource, jdbi);
    }

    private static HikariDataSource connect(JdbcTarget target, MeterRegistry meterRegistry, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("usdt-agent");
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(maxPoolSize);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meterRegistry));
        try {
            // Hikari opens a first connection here, so a wrong URL or a server that is down shows up at start
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to the database " + target + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            // Flyway reports no target version when there was nothing to apply
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info("Database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    public UserAccounts userAccounts() {
        return userAccounts;
    }

    public LoginSessions loginSessions() {
        return new JdbiLoginSessions(jdbi);
    }

    public Blocks blocks() {
        return new JdbiBlocks(jdbi);
    }

    public Reports reports() {
        return new JdbiReports(jdbi);
    }

    public Transactions transactions() {
        return transactions;
    }

    public DatabaseProbe databaseProbe() {
        return databaseProbe;
    }

    public ChatRooms chatRooms() {
        return chatRooms;
    }

    public RoomList roomList() {
        return roomList;
    }

    public Messages messages() {
        return messages;
    }

    public CallSessions callSessions() {
        return callSessions;
    }

    public Devices devices() {
        return devices;
    }

    public PushQueue pushQueue() {
        return pushQueue;
    }

    public Offers offers() {
        return offers;
    }

    public Orders orders() {
        return orders;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Attachments attachments() {
        return attachments;
    }

    /** The attachments' bytes in PostgreSQL, the default store: every node of a cluster serves every file. */
    public AttachmentStore attachmentStore() {
        return attachmentStore;
    }

    public UploadQuotas uploadQuotas() {
        return uploadQuotas;
    }

    /** Failed logins and registrations per account and address, and the blocks they earned, for every node. */
    public AttemptCounters attemptCounters() {
        return attemptCounters;
    }

    /** What the deposit and withdrawal use cases keep: addresses, deposits, withdrawals, the follower's place. */
    public ChainServices.Storage chainStorage() {
        return new ChainServices.Storage(new JdbiDepositAddresses(jdbi), new JdbiDeposits(jdbi),
                new JdbiScannedBlocks(jdbi), new JdbiWithdrawals(jdbi), new JdbiLeases(jdbi), ledger, transactions);
    }

    /**
     * The presence of the sockets connected to this server process, {@code nodeId}, which is registered with a
     * heartbeat now; other nodes take its users offline once its heartbeats stop.
     */
    public Presence presence(UUID nodeId) {
        Presence presence = new JdbiPresence(jdbi, nodeId);
        presence.heartbeat(Instant.now());
        return presence;
    }

    /** Closes the pool, then stops the embedded server if this persistence started one. */
    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
