package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.testing.TestDatabases;
import com.usdtagent.push.testing.FakeFcm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several server processes on one PostgreSQL and one Redis, as behind a load balancer: what happens on one node
 * reaches the sockets on the others, and what every node's timers and push dispatcher do happens once.
 * Skipped when no Redis listens on 127.0.0.1:6379.
 */
class ClusterTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Redis channels are global: a prefix of this run's own keeps other users of the Redis out. */
    private static final String REDIS_KEY_PREFIX = "usdt-agent-test-" + UUID.randomUUID() + ":";
    /** The shortest ring the server accepts, so that the missed call comes soon. */
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(5);
    /** Several ticks of every node's timers and dispatcher (each runs every second): long enough for a duplicate. */
    private static final Duration A_FEW_TICKS = Duration.ofSeconds(3);
    private static JdbcTarget database;
    private static String databaseUrl;
    private static FakeFcm fcm;
    private static Path fcmCredentials;
    private static Node nodeA;
    private static Node nodeB;
    @TempDir
    static Path logs;
    private final List<SocketClient> clients = new ArrayList<>();

    /** A server process, its ports and a client for its HTTP API. */
    private record Node(Process process, HttpApi api, int httpPort, int socketPort) {

        URI socketUri() {
            return URI.create("http://127.0.0.1:" + socketPort);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no goodbye, its users stay marked online in the database
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @BeforeAll
    static void startTwoNodes() throws IOException {
        assumeTrue(redisListens(), "no Redis on 127.0.0.1:6379");
        database = TestDatabases.fresh();
        databaseUrl = MainProcessTest.urlOf(database);
        fcm = new FakeFcm();
        fcmCredentials = fcm.serviceAccountFile();
        nodeA = launch("a");
        nodeB = launch("b");
        ServerProcess.awaitHealthy(nodeA.httpPort());
        ServerProcess.awaitHealthy(nodeB.httpPort());
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (Node node : new Node[]{nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (fcm != null) {
            fcm.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SocketClient::close);
    }

    /** Whether a Redis answers on 127.0.0.1:6379, for the tests that need one. */
    static boolean redisListens() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }

    /** Every node with the same settings, as a cluster runs: the same admin, FCM and ring timeout on each. */
    private static Node launch(String name) throws IOException {
        int httpPort = FreePorts.next();
        int socketPort = FreePorts.next();
        Process process = ServerProcess.launch(Map.ofEntries(
                Map.entry("DATABASE_URL", databaseUrl), Map.entry("AUTH_JWT_SECRET", TestNode.JWT_SECRET),
                Map.entry("HTTP_PORT", String.valueOf(httpPort)), Map.entry("SOCKET_PORT", String.valueOf(socketPort)),
                Map.entry("DATA_DIR", logs.resolve(name).toString()),
                Map.entry("REDIS_URL", "redis://127.0.0.1:6379"), Map.entry("REDIS_KEY_PREFIX", REDIS_KEY_PREFIX),
                Map.entry("PRESENCE_TTL_SECONDS", "3"),
                Map.entry("ADMIN_USERNAME", TestNode.ADMIN_USERNAME), Map.entry("ADMIN_PASSWORD", TestNode.ADMIN_PASSWORD),
                Map.entry("FCM_ENDPOINT", fcm.endpoint().toString()),
                Map.entry("FCM_CREDENTIALS_FILE", fcmCredentials.toString()),
                Map.entry("CALL_RING_TIMEOUT_SECONDS", String.valueOf(RING_TIMEOUT.toSeconds())),
                Map.entry("AGORA_APP_ID", TestNode.AGORA_APP_ID), Map.entry("AGORA_APP_CERTIFICATE", TestNode.AGORA_CERTIFICATE),
                // the test registers its accounts from one address, and lets a buyer's many orders expire at once
                Map.entry("RATE_LIMIT_REGISTRATIONS_PER_HOUR", "1000"), Map.entry("MAX_UNPAID_ORDERS_PER_USER", "1000"),
                Map.entry("MAX_CANCELLATIONS_PER_DAY", "1000")),
                logs.resolve(name + ".log"));
        return new Node(process, new HttpApi(httpPort), httpPort, socketPort);
    }

    private static HttpApi.Account register(Node node, String role) {
        return node.api().register("cluster_" + role + "_" + NAMES.incrementAndGet(), role);
    }

    private SocketClient connect(Node node, HttpApi.Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    private static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data");
    }

    private static String createRoom(SocketClient opener, HttpApi.Account other) {
        return ok(opener.call("create-room", "{\"participantId\":\"" + other.id() + "\"}")).path("roomId").asText();
    }

    @Test
    void aBanOnOneNodeDisconnectsTheUsersSocketsOnTheOtherAndBothRefuseTheirToken() {
        var user = register(nodeA, "user");
        var onB = connect(nodeB, user);
        var onA = connect(nodeA, user);

        var ban = nodeA.api().post("/api/admin/users/" + user.id() + "/ban", "{\"reason\":\"spam\"}",
                nodeA.api().adminToken());
        assertThat(ban.status()).as(ban.body()).isEqualTo(204);

        awaitDisconnected(onB);
        awaitDisconnected(onA);
        assertThat(nodeA.api().get("/api/me", user.token()).status()).isEqualTo(401);
        // node B may trust its last check of the session for SessionKeeper.CHECKED_FOR
        awaitUntil(() -> nodeB.api().get("/api/me", user.token()).status() == 401);
        var again = SocketClient.attempt(nodeB.socketUri(), user.token(), "websocket");
        clients.add(again);
        assertThat(again.awaitConnectError().path("data").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aLogoutOnOneNodeDisconnectsThatSessionsSocketsOnTheOther() {
        var user = register(nodeA, "user");
        var session = connect(nodeB, user);
        var otherSession = nodeB.api().post("/api/auth/login", """
                {"login":"%s","password":"password-%s"}""".formatted(user.username(), user.username()), null)
                .json().path("token").asText();
        var otherSocket = SocketClient.connect(nodeB.socketUri(), otherSession);
        clients.add(otherSocket);

        assertThat(nodeA.api().post("/api/auth/logout", "{}", user.token()).status()).isEqualTo(204);

        awaitDisconnected(session);
        assertThat(otherSocket.isConnected()).isTrue();
    }

    private static void awaitDisconnected(SocketClient socket) {
        awaitUntil(() -> !socket.isConnected());
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aMessageSentOnOneNodeReachesTheRecipientOnAnotherWithTicksFlowingBack() {
        var user = register(nodeA, "user");
        var agent = register(nodeB, "agent");
        var userSocket = connect(nodeA, user);
        var agentSocket = connect(nodeB, agent);
        String roomId = createRoom(userSocket, agent);
        agentSocket.awaitEvent("reload-chat-list", p -> p.path("room").path("roomId").asText().equals(roomId));

        var sent = ok(userSocket.call("send-message", """
                {"roomId":"%s","clientMessageId":"c-1","text":"100 USDT please"}""".formatted(roomId))).path("message");
        assertThat(sent.path("status").asText()).isEqualTo("delivered");
        var received = agentSocket.awaitEvent("new-message").path("message");
        assertThat(received.path("id").asText()).isEqualTo(sent.path("id").asText());
        assertThat(received.path("text").asText()).isEqualTo("100 USDT please");
        userSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("delivered"));

        agentSocket.call("chat-history", "{\"roomId\":\"" + roomId + "\"}");
        userSocket.awaitEvent("message-status", p -> p.path("status").asText().equals("read") && p.path("upToSeq").asLong() == 1);
    }

    @Test
    void aUsersEmitsReachOnlyTheNodesWithTheirSockets() {
        var user = register(nodeA, "user");
        String usersChannel = REDIS_KEY_PREFIX + "room:user:" + user.id();
        var onA = connect(nodeA, user);
        assertThat(nodesHearing(usersChannel)).isEqualTo(1); // node B is not told of this user's messages

        var onB = connect(nodeB, user);
        var secondOnB = connect(nodeB, user);
        assertThat(nodesHearing(usersChannel)).isEqualTo(2);

        onB.close();
        awaitUntil(() -> nodesHearing(usersChannel) == 2); // B has another socket of the user
        onA.close();
        awaitUntil(() -> nodesHearing(usersChannel) == 1);
        secondOnB.close();
        awaitUntil(() -> nodesHearing(usersChannel) == 0);
    }

    /** How many nodes listen on the Redis channel ({@code PUBSUB NUMSUB}). */
    private static long nodesHearing(String channel) {
        try {
            var cli = new ProcessBuilder("redis-cli", "PUBSUB", "NUMSUB", channel).redirectErrorStream(true).start();
            List<String> reply = new String(cli.getInputStream().readAllBytes()).lines().toList();
            assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(reply).as("redis-cli's answer").hasSize(2).first().isEqualTo(channel);
            return Long.parseLong(reply.get(1));
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("redis-cli PUBSUB NUMSUB failed", failed);
        }
    }

    @Test
    void aCallRungFromOneNodeIsAnsweredOnAnother() {
        var user = register(nodeA, "user");
        var agent = register(nodeA, "agent");
        var userSocket = connect(nodeA, user);
        var agentPhone = connect(nodeB, agent);
        var agentLaptop = connect(nodeA, agent);
        String roomId = createRoom(userSocket, agent);

        var call = ok(userSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}")).path("call");
        String callId = call.path("callId").asText();
        agentPhone.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        agentLaptop.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));

        ok(agentPhone.call("call-accept", "{\"callId\":\"" + callId + "\"}"));
        userSocket.awaitEvent("call-accepted", p -> p.path("call").path("status").asText().equals("accepted"));
        assertThat(agentLaptop.awaitEvent("call-answered-elsewhere").path("callId").asText()).isEqualTo(callId);
        assertThat(agentPhone.events("call-answered-elsewhere")).isEmpty();

        ok(userSocket.call("call-end", "{\"callId\":\"" + callId + "\"}"));
        agentPhone.awaitEvent("call-ended", p -> p.path("call").path("callId").asText().equals(callId));
    }

    @Test
    void callSignalsCrossNodesBetweenTheCallerAndTheSocketThatAnswered() {
        var user = register(nodeA, "user");
        var agent = register(nodeA, "agent");
        var userSocket = connect(nodeA, user);
        var agentPhone = connect(nodeB, agent);
        var agentLaptop = connect(nodeA, agent);
        String roomId = createRoom(userSocket, agent);
        String callId = ok(userSocket.call("call-start", "{\"roomId\":\"" + roomId + "\"}")).path("call").path("callId").asText();
        agentPhone.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        ok(agentPhone.call("call-accept", "{\"callId\":\"" + callId + "\"}"));
        userSocket.awaitEvent("call-accepted");

        ok(userSocket.call("call-signal", """
                {"callId":"%s","description":{"type":"offer","sdp":"v=0\\r\\n"}}""".formatted(callId)));
        var offer = agentPhone.awaitEvent("call-signal");
        assertThat(offer.path("from").asText()).isEqualTo(user.id());
        assertThat(offer.path("description").path("sdp").asText()).isEqualTo("v=0\r\n");
        ok(agentPhone.call("call-signal", """
                {"callId":"%s","description":{"type":"answer","sdp":"v=0\\r\\n"}}""".formatted(callId)));
        assertThat(userSocket.awaitEvent("call-signal").path("description").path("type").asText()).isEqualTo("answer");

        // the callee's other device, on the caller's node, neither hears the call nor may join it
        assertThat(agentLaptop.call("call-signal", """
                {"callId":"%s","candidate":{"candidate":""}}""".formatted(callId)).path("error").path("code").asText())
                .isEqualTo("INVALID_STATE");
        ok(userSocket.call("call-end", "{\"callId\":\"" + callId + "\"}"));
        agentLaptop.awaitEvent("call-ended", p -> p.path("call").path("callId").asText().equals(callId));
        assertThat(agentLaptop.events("call-signal")).isEmpty();
        assertThat(userSocket.events("call-signal")).hasSize(1);
    }

    @Test
    void aUserIsOnlineUntilTheirLastSocketOnAnyNodeGoesEvenWhenThatNodeIsKilled() throws Exception {
        Node doomed = launch("doomed");
        try {
            ServerProcess.awaitHealthy(doomed.httpPort());
            var user = register(nodeA, "user");
            var agent = register(nodeB, "agent");
            var agentSocket = connect(nodeB, agent);
            var userOnA = connect(nodeA, user);
            createRoom(userOnA, agent);
            var userOnDoomed = connect(doomed, user);

            userOnA.close();
            Thread.sleep(1500); // longer than a sweep: nothing may call the user offline while the other socket lives
            assertThat(agentSocket.events("presence")).noneMatch(p -> p.path("userId").asText().equals(user.id())
                    && !p.path("online").asBoolean());
            assertThat(userOnDoomed.isConnected()).isTrue();

            doomed.kill();
            agentSocket.awaitEvent("presence", p -> p.path("userId").asText().equals(user.id()) && !p.path("online").asBoolean());
        } finally {
            doomed.stop();
        }
    }

    @Test
    void aBurstSentThroughBothNodesIsPushedOncePerMessageThoughBothNodesDispatch() throws Exception {
        var user = register(nodeA, "user"); // never connects: every message to them is pushed
        var agent = register(nodeB, "agent");
        String device = "fcm-android-" + UUID.randomUUID();
        var registered = nodeB.api().post("/api/devices", "{\"token\":\"" + device + "\",\"platform\":\"android\"}", user.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(204);
        var agentOnA = connect(nodeA, agent);
        var agentOnB = connect(nodeB, agent);
        String roomId = createRoom(agentOnA, user);

        fcm.delayEachSend(Duration.ofMillis(50)); // a slow FCM keeps one node's batch in flight while the other polls
        try {
            Set<String> sent = new HashSet<>();
            int held = 0;
            try (var locks = new RowLocks()) {
                for (int i = 0; i < 20; i++) {
                    var sender = i % 2 == 0 ? agentOnA : agentOnB;
                    sent.add(ok(sender.call("send-message", """
                            {"roomId":"%s","clientMessageId":"burst-%d","text":"burst %d"}""".formatted(roomId, i, i)))
                            .path("message").path("id").asText());
                    held += locks.lock("SELECT id FROM push_outbox WHERE token = ? AND attempts = 0 FOR UPDATE SKIP LOCKED", device);
                }
                assertThat(held).as("pushes the test held before any dispatcher claimed them").isPositive();
                Thread.sleep(A_FEW_TICKS.toMillis());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fcm.receivedFor(device).size() >= 20);
            Thread.sleep(A_FEW_TICKS.toMillis());

            List<String> pushed = fcm.receivedFor(device).stream().map(r -> messageIdIn(r.body())).toList();
            assertThat(pushed).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
            assertThat(nodeA.api().metric("push_sent_total") + nodeB.api().metric("push_sent_total")).isEqualTo(20);
        } finally {
            fcm.delayEachSend(Duration.ZERO);
        }
    }

    @Test
    void aCallNobodyAnswersIsMissedOnceThoughBothNodesRunTheRingTimer() throws Exception {
        var user = register(nodeA, "user");
        var agent = register(nodeA, "agent");
        var caller = connect(nodeA, user);
        var calleeOnB = connect(nodeB, agent);
        var calleeOnA = connect(nodeA, agent);
        String roomId = createRoom(caller, agent);

        long rang = System.nanoTime();
        String callId = ok(caller.call("call-start", "{\"roomId\":\"" + roomId + "\"}")).path("call").path("callId").asText();
        calleeOnB.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        calleeOnA.awaitEvent("incoming-call", p -> p.path("call").path("callId").asText().equals(callId));
        try (var locks = new RowLocks()) {
            // the missed call's message needs the room: the first node to claim the call waits with it claimed
            assertThat(locks.lock("SELECT id FROM chat_room WHERE id = ? FOR UPDATE", UUID.fromString(roomId))).isEqualTo(1);
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(rang + RING_TIMEOUT.plus(A_FEW_TICKS).toNanos() - System.nanoTime())));
            assertThat(caller.events("call-missed")).as("nothing finishes the call while its room is held").isEmpty();
        }

        caller.awaitEvent("call-missed");
        for (SocketClient socket : List.of(calleeOnA, calleeOnB)) {
            socket.awaitEvent("call-missed");
        }
        Thread.sleep(A_FEW_TICKS.toMillis());

        for (SocketClient socket : List.of(caller, calleeOnA, calleeOnB)) {
            assertThat(socket.events("call-missed")).singleElement()
                    .satisfies(p -> assertThat(p.path("call").path("callId").asText()).isEqualTo(callId));
            assertThat(socket.events("call-ended")).isEmpty();
            assertThat(socket.events("new-message")).filteredOn(p -> isAbout(p.path("message"), callId)).hasSize(1);
        }
        var history = ok(caller.call("chat-history", "{\"roomId\":\"" + roomId + "\"}")).path("messages");
        List<JsonNode> callMessages = new ArrayList<>();
        history.forEach(message -> {
            if (isAbout(message, callId)) {
                callMessages.add(message);
            }
        });
        assertThat(callMessages).singleElement()
                .satisfies(m -> assertThat(m.path("meta").path("outcome").asText()).isEqualTo("missed"));
        var calls = nodeB.api().get("/api/calls?roomId=" + roomId, agent.token()).json().path("calls");
        assertThat(calls).hasSize(1);
        assertThat(calls.path(0).path("status").asText()).isEqualTo("missed");
    }

    @Test
    void ordersWhosePaymentWindowPassedAreCancelledOnceThoughBothNodesRunTheTimer() throws Exception {
        var agent = register(nodeA, "agent");
        var user = register(nodeB, "user");
        var agentSocket = connect(nodeB, agent);
        var userSocket = connect(nodeA, user);
        Trades.deposit(nodeA.api(), nodeA.api().adminToken(), agent, "100");
        String offerId = Trades.offer(nodeA.api(), agent, "SELL");
        List<String> orders = new ArrayList<>();
        String roomId = null;
        for (int i = 0; i < 10; i++) {
            var order = Trades.placed(i % 2 == 0 ? nodeA.api() : nodeB.api(), user, offerId, "10");
            orders.add(order.path("id").asText());
            roomId = order.path("roomId").asText();
        }
        Trades.assertWallet(nodeA.api(), agent, "0", "100");

        try (var locks = new RowLocks()) {
            // the cancellation's message needs the room: the first node to claim the orders waits with them claimed
            assertThat(locks.lock("SELECT id FROM chat_room WHERE id = ? FOR UPDATE", UUID.fromString(roomId))).isEqualTo(1);
            // the window is minutes long at the least: the test moves it into the past rather than wait
            TestNode.execute(database, "UPDATE trade_order SET payment_window_ends_at = now() - interval '1 second' WHERE id IN ('"
                    + String.join("', '", orders) + "')");
            Thread.sleep(A_FEW_TICKS.toMillis());
            assertThat(agentSocket.events("order-updated")).as("nothing cancels while the room is held")
                    .noneMatch(p -> p.path("order").path("status").asText().equals("CANCELLED"));
        }

        for (SocketClient socket : List.of(agentSocket, userSocket)) {
            for (String orderId : orders) {
                socket.awaitEvent("order-updated", p -> isCancelled(p.path("order"), orderId));
            }
        }
        Thread.sleep(A_FEW_TICKS.toMillis());

        for (String orderId : orders) {
            var order = nodeB.api().get("/api/orders/" + orderId, user.token()).json();
            assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(order.path("audit").findValuesAsText("status")).as(orderId).containsExactly("PENDING_PAYMENT", "CANCELLED");
            for (SocketClient socket : List.of(agentSocket, userSocket)) {
                assertThat(socket.events("order-updated")).as(orderId)
                        .filteredOn(p -> isCancelled(p.path("order"), orderId)).hasSize(1);
                assertThat(socket.events("new-message")).as(orderId)
                        .filteredOn(p -> p.path("message").path("meta").path("orderId").asText().equals(orderId)
                                && p.path("message").path("meta").path("orderStatus").asText().equals("CANCELLED"))
                        .hasSize(1);
            }
        }
        Trades.assertWallet(nodeB.api(), agent, "100", "0");
    }

    /**
     * A transaction of the test's own that holds rows, as a node stalled in the middle of a claim would: every node's
     * timers and dispatchers tick while the rows are held, then all come for them at once when they are let go.
     */
    private static final class RowLocks implements AutoCloseable {

        private final Connection connection;

        RowLocks() throws SQLException {
            connection = DriverManager.getConnection(databaseUrl);
            connection.setAutoCommit(false);
        }

        /** Runs a locking query; returns how many rows it locked. */
        int lock(String sql, Object parameter) throws SQLException {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setObject(1, parameter);
                int rows = 0;
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    private static boolean isAbout(JsonNode message, String callId) {
        return message.path("type").asText().equals("call") && message.path("meta").path("callId").asText().equals(callId);
    }

    private static boolean isCancelled(JsonNode order, String orderId) {
        return order.path("id").asText().equals(orderId) && order.path("status").asText().equals("CANCELLED");
    }

    private static String messageIdIn(String fcmBody) {
        Matcher id = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"").matcher(fcmBody);
        return id.find() ? id.group(1) : fcmBody;
    }
}
