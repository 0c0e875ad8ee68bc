package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real server ({@link TestNode}: PostgreSQL, HTTP and Socket.IO on free ports, an admin, calls with the WebRTC
 * provider as without any voice setting) for the browser tests in {@code web}, with the API shortcuts they take for
 * what they do not test through the page; optionally on a local chain (anvil).
 */
public final class WebTestServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = TestNode.ADMIN_USERNAME;
    public static final String ADMIN_PASSWORD = TestNode.ADMIN_PASSWORD;

    /** An account made over the API; {@code password} is what the browser signs in with. */
    public record Account(String id, String username, String phone, String password, String token) {
    }

    private final TestNode node;
    private final Optional<LocalChain> chain;
    private final String adminToken;
    private final Map<String, HttpApi.Account> accounts = new ConcurrentHashMap<>();

    private WebTestServer(TestNode node, Optional<LocalChain> chain) {
        this.node = node;
        this.chain = chain;
        this.adminToken = node.adminToken();
    }

    public static WebTestServer start() {
        return new WebTestServer(TestNode.start(Settings.fromEnvironment(Map.of()).calls()), Optional.empty());
    }

    /** With calls through Agora (TestNode's app id and certificate), whose servers this machine cannot reach. */
    public static WebTestServer startWithAgora() {
        var defaults = Settings.fromEnvironment(Map.of()).calls();
        return new WebTestServer(TestNode.start(TestNode.calls(defaults.ringTimeout(), defaults.disconnectGrace())),
                Optional.empty());
    }

    /**
     * With deposits and withdrawals on a fresh anvil chain: 2 confirmations, a fee of 1 USDT, at least 10, an
     * admin's approval above 1000.
     */
    public static WebTestServer startWithChain() {
        LocalChain chain = LocalChain.start();
        return new WebTestServer(TestNode.startWith(chain.settings(2, Duration.ofMillis(100)), notification -> { }),
                Optional.of(chain));
    }

    /** A transfer of the token to {@code address} on chain, from a payer holding plenty; returns its hash. */
    public String sendUsdt(String address, String amount) {
        LocalChain local = chain.orElseThrow();
        return local.anvil.transfer(local.token, address, LocalChain.units(amount));
    }

    public void mineBlocks(int blocks) {
        chain.orElseThrow().anvil.mine(blocks);
    }

    public void fundHotWallet(String amount) {
        chain.orElseThrow().fundHotWallet(amount);
    }

    /** The web app, on the address a person on this machine would type. */
    public String appUrl() {
        return "http://127.0.0.1:" + node.httpPort() + "/";
    }

    public Account register(String username, String role) {
        HttpApi.Account account = node.register(username, role);
        accounts.put(account.id(), account);
        return new Account(account.id(), username, account.phone(), "password-" + username, account.token());
    }

    /** An admin's deposit into the wallet of the account with this username. */
    public void deposit(String username, String amount) {
        JsonNode users = node.get("/api/admin/users?username=" + username, adminToken).json().path("users");
        String id = users.get(0).path("id").asText();
        Trades.deposit(node, adminToken, new HttpApi.Account(id, username, null, null), amount);
    }

    /** A USD offer at 1.07 for 10 to 500 USDT, paid by bank transfer; returns its id. */
    public String offer(Account agent, String side) {
        return Trades.offer(node, http(agent), side);
    }

    public JsonNode placeOrder(Account user, String offerId, String amount) {
        return Trades.placed(node, http(user), offerId, amount);
    }

    public JsonNode get(String path, String token) {
        return node.get(path, token).json();
    }

    /** The HTTP status of a GET with this token, for what a token still opens. */
    public int status(String path, String token) {
        return node.get(path, token).status();
    }

    public String adminToken() {
        return adminToken;
    }

    /** A socket of this account, as a phone would hold it; close it after use. */
    public Socket connect(Account account) {
        var socket = SocketClient.connect(node.socketUri(), account.token());
        socket.awaitEvent("chat-room-list");
        return new Socket(socket);
    }

    private HttpApi.Account http(Account account) {
        return accounts.get(account.id());
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            chain.ifPresent(LocalChain::close);
        }
    }

    /** The few socket steps the browser tests take from the other side of a conversation. */
    public static final class Socket implements AutoCloseable {

        private final SocketClient client;

        private Socket(SocketClient client) {
            this.client = client;
        }

        /** Opens (or finds) the room with this participant; returns its id. */
        public String roomWith(Account participant) {
            return client.call("create-room", "{\"participantId\":\"%s\"}".formatted(participant.id()))
                    .path("data").path("roomId").asText();
        }

        public JsonNode send(String roomId, String clientMessageId, String text) {
            return client.call("send-message", """
                    {"roomId":"%s","clientMessageId":"%s","text":"%s"}""".formatted(roomId, clientMessageId, text));
        }

        /** Accepts the call ringing at this socket; returns the ack's {@code call} and {@code rtc}. */
        public JsonNode acceptCall() {
            String callId = client.awaitEvent("incoming-call").path("call").path("callId").asText();
            return client.call("call-accept", "{\"callId\":\"%s\"}".formatted(callId)).path("data");
        }

        /** The texts of the room's newest 100 messages, oldest first. */
        public List<String> texts(String roomId) {
            var page = client.call("chat-history", "{\"roomId\":\"%s\",\"limit\":100}".formatted(roomId));
            return page.path("data").path("messages").findValuesAsText("text");
        }

        /** Every {@code new-message} this socket got with this text. */
        public long received(String text) {
            return client.events("new-message").stream()
                    .filter(payload -> payload.path("message").path("text").asText().equals(text)).count();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
