package com.usdtagent.loadtest;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.PostgresPersistence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The send path alone, without sockets: the product's {@link SendMessageService} on {@link PostgresPersistence}, in
 * this JVM, on a database of its own, with nobody connected to announce to. Each of {@code --senders} pairs keeps
 * one send in flight in its room, the two sides taking turns, so the group commit sees what the closed loop gives it
 * without the sockets' share of the two cores; the figures move far less from run to run than the full benchmark's.
 * Reports, for each round: sends a second, this JVM's CPU and PostgreSQL's per send, sends per commit, and WAL
 * bytes and full-page images per send ({@code pg_stat_wal}, the whole server's).
 *
 * <pre>load-test/run-send-path [--senders=128] [--seconds=10] [--rounds=5] [--preload=0] [--checkpoint-every=0]
 *                          [--database=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]</pre>
 *
 * {@code --preload} first fills {@code message} with that many older messages (random keys, as a table filled
 * before time-ordered ids would hold); {@code --checkpoint-every} (seconds) runs {@code CHECKPOINT} that often, so
 * that a short round sees what a production checkpoint every few minutes does to a big table.
 */
public final class SendPathBenchmark {

    private static final String TEXT = "A chat line of about the length people type, with an amount: 100 USDT";

    private record Pair(AuthenticatedUser user, AuthenticatedUser agent, RoomId room) {
    }

    private record Counters(long sends, Duration jvmCpu, Duration databaseCpu, long commits, long walBytes,
                            long fullPageImages, long nanoTime) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadTest.namedOptions(args);
        int senders = Integer.parseInt(options.getOrDefault("senders", "128"));
        Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        long preload = Long.parseLong(options.getOrDefault("preload", "0"));
        long checkpointEvery = Long.parseLong(options.getOrDefault("checkpoint-every", "0"));
        System.out.printf("# Send path %s%n%n%d senders, rounds of %d s after one of warm-up, %d older messages, "
                        + "checkpoint %s, %d cores, %s%n%n", Instant.now(), senders, round.toSeconds(), preload,
                checkpointEvery == 0 ? "as the server's settings have it" : "every " + checkpointEvery + " s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        try (var database = LoadTest.Database.fresh(options.getOrDefault("database", LoadTest.DEFAULT_DATABASE));
             var persistence = PostgresPersistence.open(JdbcTarget.parse(database.url()), new SimpleMeterRegistry());
             var autovacuum = Autovacuum.standInIfOff(database.url(), Autovacuum.EVERY);
             var sql = DriverManager.getConnection(database.url())) {
            List<Pair> pairs = pairs(persistence, senders);
            if (preload > 0) {
                preload(sql, preload);
            }
            Clock clock = Clock.systemUTC();
            // nobody is connected: what a send announces goes nowhere, so that only the send path is measured
            var nobody = (RealtimePublisher) Proxy.newProxyInstance(RealtimePublisher.class.getClassLoader(),
                    new Class<?>[] {RealtimePublisher.class}, (proxy, method, arguments) -> null);
            try (var sends = new SendMessageService(new RoomPosts(persistence.chatRooms(), nobody, clock),
                    persistence.messages(), persistence.attachments(), notification -> { },
                    persistence.transactions(), clock, persistence.blocks())) {
                run(sends, pairs, sql, round, rounds, database.url(), checkpointEvery);
            }
        }
    }

    private static List<Pair> pairs(PostgresPersistence persistence, int count) {
        List<Pair> pairs = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            UserId user = account(persistence, "sp_user_" + n, Role.USER);
            UserId agent = account(persistence, "sp_agent_" + n, Role.AGENT);
            ChatRoom room = persistence.chatRooms().addOrGetExisting(
                    new ChatRoom(RoomId.newId(), user, agent, 0, Instant.now()));
            pairs.add(new Pair(new AuthenticatedUser(user, Role.USER), new AuthenticatedUser(agent, Role.AGENT),
                    room.id()));
        }
        return pairs;
    }

    private static UserId account(PostgresPersistence persistence, String name, Role role) {
        var account = new UserAccount(UserId.newId(), new Username(name), null, "not-a-password-hash", role,
                Instant.now());
        persistence.userAccounts().add(account);
        return account.id();
    }

    /** Older messages in rooms that no longer exist, their keys checked by nobody, as big-tables.sql loads them. */
    private static void preload(Connection sql, long messages) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = sql.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("""
                    INSERT INTO message (id, room_id, seq, sender_id, type, text, client_message_id, created_at)
                    SELECT gen_random_uuid(), gen_random_uuid(), 1, gen_random_uuid(), 'text', 'an older message',
                           md5(n::text), now()
                    FROM generate_series(1, %d) AS n
                    """.formatted(messages));
            statement.execute("SET session_replication_role = DEFAULT");
            statement.execute("VACUUM ANALYZE message");
            statement.execute("CHECKPOINT");
        }
        System.out.printf("preloaded %d messages in %.0f s%n%n", messages, (System.nanoTime() - started) / 1e9);
    }

    private static void run(SendMessageService sends, List<Pair> pairs, Connection sql, Duration round, int rounds,
                            String url, long checkpointEvery) throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (Pair pair : pairs) {
            senders.add(Thread.ofVirtual().start(() -> {
                for (long n = 0; !stop.get(); n++) {
                    var sender = n % 2 == 0 ? pair.user() : pair.agent();
                    sends.send(sender, new SendMessage.Command(pair.room(), UUID.randomUUID().toString(), TEXT));
                    sent.incrementAndGet();
                }
            }));
        }
        Thread checkpoints = Thread.ofVirtual().start(() -> checkpointUntilInterrupted(url, checkpointEvery));
        System.out.println("| round | sends/s | JVM CPU µs/send | PostgreSQL CPU µs/send | sends/commit "
                + "| WAL bytes/send | full-page images/send |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        Thread.sleep(round); // warm-up
        Counters before = counters(sent, sql);
        for (int n = 1; n <= rounds; n++) {
            Thread.sleep(round);
            Counters after = counters(sent, sql);
            double count = after.sends() - before.sends();
            System.out.printf("| %d | %.0f | %.1f | %.1f | %.1f | %.0f | %.3f |%n", n,
                    count * 1e9 / (after.nanoTime() - before.nanoTime()),
                    after.jvmCpu().minus(before.jvmCpu()).toNanos() / 1e3 / count,
                    after.databaseCpu().minus(before.databaseCpu()).toNanos() / 1e3 / count,
                    count / (after.commits() - before.commits()),
                    (after.walBytes() - before.walBytes()) / count,
                    (after.fullPageImages() - before.fullPageImages()) / count);
            before = after;
        }
        stop.set(true);
        checkpoints.interrupt();
        for (Thread sender : senders) {
            sender.join();
        }
        checkpoints.join();
    }

    /** On a connection of its own: the rounds' counters read theirs meanwhile. */
    private static void checkpointUntilInterrupted(String url, long everySeconds) {
        if (everySeconds == 0) {
            return;
        }
        try (var connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            while (true) {
                Thread.sleep(Duration.ofSeconds(everySeconds));
                statement.execute("CHECKPOINT");
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT failed", e);
        }
    }

    private static Counters counters(AtomicLong sent, Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet row = statement.executeQuery("""
                SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                       wal_bytes, wal_fpi
                FROM pg_stat_wal
                """)) {
            row.next();
            return new Counters(sent.get(), HostCpu.process(ProcessHandle.current().pid()), HostCpu.named("postgres"),
                    row.getLong(1), row.getLong(2), row.getLong(3), System.nanoTime());
        }
    }
}
