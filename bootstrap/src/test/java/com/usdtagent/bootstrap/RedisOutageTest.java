package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two server processes on a Redis of this test's own, which goes away for a while under a steady flow of sends: chat
 * on a node goes on without it (acks, the node's own sockets), and once Redis is back the nodes reach each other
 * again by themselves and the other node's sockets catch up with {@code after}.
 */
class RedisOutageTest {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration SEND_EVERY = Duration.ofMillis(100);
    /** What "at once" means here: far below the seconds a stalled send used to take. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static int redisPort;
    private static Process redis;
    private static Node nodeA;
    private static Node nodeB;
    @TempDir
    static Path logs;
    private final List<SocketClient> clients = new ArrayList<>();

    /** How Redis goes away. */
    enum Outage {
        /** SIGSTOP: its connections stay open and nothing answers, until SIGCONT. */
        HUNG,
        /** Killed, then started again on the same port: every connection breaks and must be made again. */
        GONE
    }

    private record Node(Process process, HttpApi api, int httpPort, int socketPort) {

        URI socketUri() {
            return URI.create("http://127.0.0.1:" + socketPort);
        }
    }

    @BeforeAll
    static void startRedisAndTwoNodes() throws IOException {
        assumeTrue(Files.isExecutable(REDIS_SERVER), "no " + REDIS_SERVER);
        redisPort = FreePorts.next();
        startRedis();
        String databaseUrl = MainProcessTest.urlOf(TestDatabases.fresh());
        nodeA = launch("a", databaseUrl);
        ServerProcess.awaitHealthy(nodeA.httpPort()); // one after the other: on a busy machine each starts sooner
        nodeB = launch("b", databaseUrl);
        ServerProcess.awaitHealthy(nodeB.httpPort());
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (Node node : new Node[]{nodeA, nodeB}) {
            if (node != null) {
                node.process().destroy();
                node.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (redis != null) {
            signal("-CONT");
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void closeClientsAndBringRedisBack() throws Exception {
        clients.forEach(SocketClient::close);
        bringRedisBack();
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void chatOnANodeGoesOnWithoutRedisAndTheOtherNodeCatchesUpWhenItIsBack(Outage outage) throws Exception {
        var user = nodeA.api().register("outage_user_" + NAMES.incrementAndGet(), "user");
        var agent = nodeA.api().register("outage_agent_" + NAMES.incrementAndGet(), "agent");
        var userSocket = connect(nodeA, user);
        var agentHere = connect(nodeA, agent);
        var agentThere = connect(nodeB, agent);
        String roomId = ok(userSocket.call("create-room", "{\"participantId\":\"" + agent.id() + "\"}"))
                .path("roomId").asText();
        long seenThere = arrivesWithin(Duration.ofSeconds(10), send(userSocket, roomId, "before"), agentThere)
                .path("seq").asLong();

        begin(outage);
        Set<String> sentDuring = new HashSet<>();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        boolean connectedDuring = false;
        while (System.nanoTime() < outageEnds) {
            long started = System.nanoTime();
            JsonNode message = send(userSocket, roomId, "during-" + sentDuring.size());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ack of send %d", sentDuring.size())
                    .isLessThan(AT_ONCE);
            sentDuring.add(message.path("id").asText());
            arrivesWithin(AT_ONCE, message, agentHere);
            if (!connectedDuring && System.nanoTime() > outageEnds - OUTAGE.toNanos() / 2) {
                long connecting = System.nanoTime();
                connect(nodeA, agent); // the event loop, and the room joins of a new socket, do not wait for Redis
                assertThat(Duration.ofNanos(System.nanoTime() - connecting)).as("connecting a socket")
                        .isLessThan(AT_ONCE.multipliedBy(2));
                connectedDuring = true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, started + SEND_EVERY.toNanos() - System.nanoTime()));
        }
        assertThat(sentDuring).hasSizeGreaterThan(20);
        bringRedisBack();

        // the nodes reach each other again by themselves: a message sent now arrives on the other node
        var attempts = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> arrivesWithin(AT_ONCE,
                send(userSocket, roomId, "after-" + attempts.incrementAndGet()), agentThere));
        Set<String> caughtUp = new HashSet<>();
        for (boolean more = true; more; ) {
            var page = ok(agentThere.call("chat-history",
                    "{\"roomId\":\"%s\",\"after\":%d,\"limit\":100}".formatted(roomId, seenThere)));
            for (JsonNode message : page.path("messages")) {
                caughtUp.add(message.path("id").asText());
                seenThere = message.path("seq").asLong();
            }
            more = page.path("hasMore").asBoolean();
        }
        assertThat(caughtUp).containsAll(sentDuring);
    }

    private static void startRedis() throws IOException {
        redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(logs.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static void begin(Outage outage) throws Exception {
        switch (outage) {
            case HUNG -> signal("-STOP");
            case GONE -> {
                redis.destroyForcibly();
                redis.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void bringRedisBack() throws Exception {
        signal("-CONT");
        if (!redis.isAlive()) {
            startRedis();
        }
    }

    private static void signal(String signal) throws InterruptedException {
        try {
            new ProcessBuilder("kill", signal, String.valueOf(redis.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node launch(String name, String databaseUrl) throws IOException {
        int httpPort = FreePorts.next();
        int socketPort = FreePorts.next();
        Process process = ServerProcess.launch(Map.of("DATABASE_URL", databaseUrl,
                "AUTH_JWT_SECRET", TestNode.JWT_SECRET, "HTTP_PORT", String.valueOf(httpPort),
                "SOCKET_PORT", String.valueOf(socketPort), "DATA_DIR", logs.resolve(name).toString(),
                "REDIS_URL", "redis://127.0.0.1:" + redisPort), logs.resolve(name + ".log"));
        return new Node(process, new HttpApi(httpPort), httpPort, socketPort);
    }

    private SocketClient connect(Node node, HttpApi.Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    /** Sends a text and returns the message its ack holds. */
    private static JsonNode send(SocketClient sender, String roomId, String clientMessageId) {
        return ok(sender.call("send-message", """
                {"roomId":"%s","clientMessageId":"%s","text":"%s"}""".formatted(roomId, clientMessageId,
                clientMessageId))).path("message");
    }

    /** Waits for the message as {@code new-message} on the socket and returns it as received. */
    private static JsonNode arrivesWithin(Duration atMost, JsonNode message, SocketClient recipient) {
        String id = message.path("id").asText();
        return recipient.awaitEvent(atMost, "new-message", p -> p.path("message").path("id").asText().equals(id))
                .path("message");
    }

    private static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data");
    }
}
