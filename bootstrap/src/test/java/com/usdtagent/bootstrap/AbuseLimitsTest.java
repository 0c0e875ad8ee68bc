package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.socketio.SocketSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The limits an abuser meets, tried as one would, over real HTTP and Socket.IO connections: a re-sent CONNECT, a
 * flood of events, too many sockets, connections that never authenticate, password guessing, bulk registration
 * and unpaid orders. The server trusts 127.0.0.1 as a proxy, so that each test names its own client address in
 * {@code X-Forwarded-For}.
 */
class AbuseLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final Duration BACKOFF = Duration.ofSeconds(2);
    static final LimitSettings LIMITS = new LimitSettings(new SocketSettings.Limits(20, 50, 2),
            new SignInThrottle.Limits(5, 8, Duration.ofMinutes(15), BACKOFF, 3), OrderLimits.DEFAULTS,
            List.of("127.0.0.1"));

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(LIMITS, Optional.empty());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private record Reply(int status, JsonNode json, Optional<String> retryAfter) {
    }

    /** POSTs JSON as the client at {@code address}, as a proxy in front of the server would tell it. */
    private static Reply post(String path, String body, String address) {
        try {
            var response = HTTP.send(node.request(path, null).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()),
                    response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply register(String username, String phone, String address) {
        return post("/api/auth/register", """
                {"username":"%s","phone":"%s","password":"password-%s","role":"user"}""".formatted(username, phone, username),
                address);
    }

    private static String freshPhone() {
        return "+4479222" + String.format("%05d", PHONES.incrementAndGet());
    }

    private static String freshAddress() {
        return "198.51.100." + (PHONES.incrementAndGet() % 250 + 1);
    }

    private static String freshName(String stem) {
        return stem + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new account, registered from an address of its own so that the registration limit stays out of the way. */
    private static HttpApi.Account account(String stem, String role) {
        String name = freshName(stem);
        Reply reply = post("/api/auth/register", """
                {"username":"%s","phone":"%s","password":"password-%s","role":"%s"}""".formatted(name, freshPhone(), name, role),
                freshAddress());
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return new HttpApi.Account(reply.json().at("/user/id").asText(), name, null, reply.json().path("token").asText());
    }

    private static Reply logIn(String login, String password, String address) {
        return post("/api/auth/login", """
                {"login":"%s","password":"%s"}""".formatted(login, password), address);
    }

    @Test
    void registrationsPerAddressAreLimitedAndTheRefusedOnesCountToo() {
        String address = "203.0.113.77";
        String taken = freshPhone();
        assertThat(register(freshName("bulk"), taken, address).status()).isEqualTo(201);
        // the 409 that tells a phone is registered counts as an attempt
        assertThat(register(freshName("bulk"), taken, address).status()).isEqualTo(409);
        assertThat(register(freshName("bulk"), freshPhone(), address).status()).isEqualTo(201);

        Reply refused = register(freshName("bulk"), freshPhone(), address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.retryAfter().orElseThrow())).isBetween(3500L, 3600L);
        assertThat(register(freshName("bulk"), freshPhone(), "203.0.113.78").status()).isEqualTo(201);
    }

    @Test
    void anAccountBacksOffAfterFiveFailuresFromAnyAddressEvenWithTheRightPassword() throws InterruptedException {
        String name = freshName("guarded");
        assertThat(register(name, freshPhone(), freshAddress()).status()).isEqualTo(201);
        String neighbour = freshName("neighbour");
        assertThat(register(neighbour, freshPhone(), freshAddress()).status()).isEqualTo(201);

        for (int i = 1; i <= 5; i++) {
            assertThat(logIn(name, "wrong guess " + i, "192.0.2." + i).status()).isEqualTo(401);
        }
        Reply refused = logIn(name, "password-" + name, "192.0.2.9");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).contains("2");
        // the same address, another account: one person's mistakes do not lock out the address
        assertThat(logIn(neighbour, "password-" + neighbour, "192.0.2.5").status()).isEqualTo(200);

        Thread.sleep(BACKOFF.plusMillis(200));
        assertThat(logIn(name, "one more guess", "192.0.2.10").status()).isEqualTo(401);
        Reply doubled = logIn(name, "password-" + name, "192.0.2.10");
        assertThat(doubled.status()).isEqualTo(429);
        assertThat(doubled.retryAfter()).contains("4");

        Thread.sleep(BACKOFF.multipliedBy(2).plusMillis(200));
        assertThat(logIn(name, "password-" + name, "192.0.2.10").status()).isEqualTo(200);
    }

    @Test
    void anAddressGuessingAcrossAccountsIsRefusedWhileOthersAreNot() {
        String name = freshName("bystander");
        assertThat(register(name, freshPhone(), freshAddress()).status()).isEqualTo(201);
        String guesser = "203.0.113.200";

        for (int i = 0; i < 8; i++) {
            assertThat(logIn(freshName("nobody"), "guess", guesser).status()).isEqualTo(401);
        }

        assertThat(logIn(name, "password-" + name, guesser).status()).isEqualTo(429);
        assertThat(logIn(name, "password-" + name, "203.0.113.201").status()).isEqualTo(200);
    }

    @Test
    void aSecondConnectOnTheSameConnectionNeitherOpensASessionNorRefillsTheBucket() {
        String name = freshName("flooder");
        String token = register(name, freshPhone(), freshAddress()).json().path("token").asText();
        try (var raw = new RawSocketIo(node.socketPort())) {
            raw.send("40{\"token\":\"" + token + "\"}");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("40{");
            assertThat(raw.next(Duration.ofSeconds(5))).startsWith("42[\"chat-room-list\"");
            long started = System.nanoTime();

            List<String> first = raw.sendTypingBurst(0, 80);
            raw.send("40{\"token\":\"" + token + "\"}");
            // the refusals' error events may still be coming; the answer to the CONNECT is among them
            List<String> frames = new ArrayList<>();
            for (String frame = raw.next(Duration.ofSeconds(5)); frame != null; frame = raw.next(Duration.ofSeconds(1))) {
                frames.add(frame);
            }
            assertThat(frames).anyMatch(frame -> frame.startsWith("40{"));
            assertThat(frames).as("no second connect work, no room list").noneMatch(frame -> frame.contains("chat-room-list"));
            List<String> second = raw.sendTypingBurst(80, 80);

            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(first).hasSize(80);
            assertThat(second).hasSize(80);
            // a stranger's room is refused too, but by the handler: what the limit did not refuse got that far
            long accepted = Stream.concat(first.stream(), second.stream()).filter(ack -> !ack.contains("RATE_LIMITED"))
                    .count();
            assertThat(accepted).isBetween(50L, (long) (50 + 20 * seconds + 1));
            assertThat(second.stream().filter(ack -> ack.contains("RATE_LIMITED")).count())
                    .as("the re-sent CONNECT gave no fresh bucket").isGreaterThan(80 - (long) (20 * seconds + 1) - 1);
        }
    }

    @Test
    void oneSocketMoreThanTheCapDisconnectsTheUsersOldest() {
        String token = register(freshName("many"), freshPhone(), freshAddress()).json().path("token").asText();
        try (var oldest = SocketClient.connect(node.socketUri(), token);
             var second = SocketClient.connect(node.socketUri(), token)) {
            assertThat(oldest.isConnected()).isTrue();

            try (var third = SocketClient.connect(node.socketUri(), token)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !oldest.isConnected());
                assertThat(second.isConnected()).isTrue();
                assertThat(third.isConnected()).isTrue();
                assertThat(third.call("chat-room-list", "{}").path("ok").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void connectionsThatNeverAuthenticateOrWereRefusedAreClosedWithinSeconds() throws IOException {
        List<TcpWebSocket> idle = new ArrayList<>();
        List<TcpWebSocket> refused = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(new TcpWebSocket(node.socketPort()));
                refused.add(new TcpWebSocket(node.socketPort()));
            }
            refused.forEach(socket -> socket.sendText("40{\"token\":\"forged\"}"));
            long started = System.nanoTime();

            assertThat(idle).allSatisfy(socket -> assertThat(socket.closedWithin(Duration.ofSeconds(8))).isTrue());
            assertThat(refused).allSatisfy(socket -> assertThat(socket.closedWithin(Duration.ofSeconds(8))).isTrue());
            assertThat((System.nanoTime() - started) / 1e9).as("not before the 5 s").isGreaterThan(3.0);
        } finally {
            idle.forEach(TcpWebSocket::close);
            refused.forEach(TcpWebSocket::close);
        }
    }

    /**
     * A websocket spoken over a plain TCP socket, to see the server close it: the JDK's websocket client does not
     * always report a close that comes without a close frame.
     */
    private static final class TcpWebSocket implements AutoCloseable {

        private final Socket socket;

        TcpWebSocket(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        /** One masked text frame, as a client must send it. */
        void sendText(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            var frame = new java.io.ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(0x80 | payload.length);
            frame.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            try {
                socket.getOutputStream().write(frame.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads whatever comes until the server closes the connection, or the time is up. */
        boolean closedWithin(Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[4096];
            try {
                while (System.nanoTime() < deadline) {
                    socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    if (socket.getInputStream().read(buffer) == -1) {
                        return true;
                    }
                }
                return false;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** An offer of a new agent with 5000 USDT to sell, in lots of 10 to 500. */
    private static String sellOffer() {
        HttpApi.Account agent = account("agent", "agent");
        Trades.deposit(node, node.adminToken(), agent, "5000");
        return Trades.offer(node, agent, "SELL");
    }

    @Test
    void unpaidOrdersPerBuyerAreCappedEvenWhenPlacedAtOnce() {
        String offer = sellOffer();
        HttpApi.Account buyer = account("buyer", "user");
        Trades.placed(node, buyer, offer, "10");
        Trades.placed(node, buyer, offer, "10");

        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                Trades.place(node, buyer, offer, "10", UUID.randomUUID().toString()).status())).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        var fourth = Trades.place(node, buyer, offer, "10", UUID.randomUUID().toString());
        assertThat(fourth.json().at("/error/code").asText()).isEqualTo("INVALID_STATE");
        assertThat(fourth.json().at("/error/message").asText()).contains("unpaid");
    }

    @Test
    void aBuyerWhoCancelsThreeTimesWaitsADayAndIsToldUntilWhen() {
        String offer = sellOffer();
        HttpApi.Account buyer = account("canceller", "user");
        for (int i = 0; i < 3; i++) {
            String id = Trades.placed(node, buyer, offer, "10").path("id").asText();
            assertThat(node.post("/api/orders/" + id + "/cancel", "", buyer.token()).status()).isEqualTo(200);
        }

        var refused = Trades.place(node, buyer, offer, "10", UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("INVALID_STATE");
        assertThat(refused.json().at("/error/message").asText()).containsPattern("from \\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void anOrderWhoseFiatAmountRoundsToZeroIsInvalid() {
        HttpApi.Account agent = account("agent", "agent");
        Trades.deposit(node, node.adminToken(), agent, "100");
        var offer = node.post("/api/offers", """
                {"side":"SELL","fiatCurrency":"USD","price":"0.01","minUsdt":"0.01","maxUsdt":"10",
                 "paymentMethods":["bank"]}""", agent.token());
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        HttpApi.Account buyer = account("penny", "user");

        var refused = Trades.place(node, buyer, offer.json().path("id").asText(), "0.4", UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().at("/error/details/0/field").asText()).isEqualTo("usdtAmount");
    }
}
