package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.persistence.testing.TestDatabases;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several server processes on one PostgreSQL and one Redis, as behind a load balancer: what happens on one node
 * reaches the sockets on the others. Skipped when no Redis listens on 127.0.0.1:6379.
 */
class ClusterTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Redis channels are global: a prefix of this run's own keeps other users of the Redis out. */
    private static final String REDIS_KEY_PREFIX = "usdt-agent-test-" + UUID.randomUUID() + ":";
    private static String databaseUrl;
    private static Node nodeA;
    private static Node nodeB;
    @TempDir
    static Path logs;
    private final List<SocketClient> clients = new ArrayList<>();

    /** A server process and its ports. */
    private record Node(Process process, int httpPort, int socketPort) {

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
        databaseUrl = MainProcessTest.urlOf(TestDatabases.fresh());
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
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SocketClient::close);
    }

    private static boolean redisListens() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }

    private static Node launch(String name) throws IOException {
        int httpPort = FreePorts.next();
        int socketPort = FreePorts.next();
        Process process = ServerProcess.launch(Map.of(
                "DATABASE_URL", databaseUrl, "AUTH_JWT_SECRET", TestNode.JWT_SECRET,
                "HTTP_PORT", String.valueOf(httpPort), "SOCKET_PORT", String.valueOf(socketPort),
                "DATA_DIR", logs.resolve(name).toString(),
                "REDIS_URL", "redis://127.0.0.1:6379", "REDIS_KEY_PREFIX", REDIS_KEY_PREFIX,
                "PRESENCE_TTL_SECONDS", "3",
                "AGORA_APP_ID", TestNode.AGORA_APP_ID, "AGORA_APP_CERTIFICATE", TestNode.AGORA_CERTIFICATE),
                logs.resolve(name + ".log"));
        return new Node(process, httpPort, socketPort);
    }

    private record Account(String id, String token) {
    }

    private static Account register(Node node, String role) {
        String name = "cluster_" + role + "_" + NAMES.incrementAndGet();
        String phone = "+4479112" + String.format("%05d", NAMES.get());
        var reply = ServerProcess.post(node.httpPort(), "/api/auth/register", """
                {"username":"%s","phone":"%s","password":"password-%s","role":"%s"}""".formatted(name, phone, name, role));
        assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(201);
        return new Account(reply.json().path("user").path("id").asText(), reply.json().path("token").asText());
    }

    private SocketClient connect(Node node, Account account) {
        var client = SocketClient.connect(node.socketUri(), account.token());
        clients.add(client);
        client.awaitEvent("chat-room-list");
        return client;
    }

    private static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        return ack.path("data");
    }

    private static String createRoom(SocketClient opener, Account other) {
        return ok(opener.call("create-room", "{\"participantId\":\"" + other.id() + "\"}")).path("roomId").asText();
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
}
