package com.usdtagent.loadtest;

import com.usdtagent.push.testing.FakeFcm;
import io.netty.channel.EventLoopGroup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The product in JVMs of its own, started afresh for each run on the same database and accounts: one node, one
 * node on Redis, or two nodes on Redis; with push to a fake FCM in this process, or without.
 */
final class ProductRuns {

    /** @param redis always with two nodes */
    record Deployment(int nodes, boolean redis, boolean push) {

        /** The target column: "product" alone is the plain single node the relays are compared with. */
        String label() {
            return "product" + (nodes > 1 ? ", " + nodes + " nodes" : redis ? ", Redis" : "") + (push ? ", push" : "");
        }

        String logName(boolean compression, int node) {
            return "product-%d%s%s-%s-node%d.log".formatted(nodes, redis ? "-redis" : "", push ? "-push" : "",
                    compression ? "deflate" : "plain", node);
        }
    }

    private static final String JWT_SECRET = "load-test-secret-of-at-least-32-bytes-long";

    private final LoadTest.Options options;
    private final LoadTest.Database database;
    private final Path work;
    /** Every channel and key of the nodes starts with it: the shared Redis's other users are left alone. */
    private final String redisKeyPrefix = "usdt-agent-load-test-" + System.currentTimeMillis() + ":";
    private List<Accounts.Account> users;
    private List<Accounts.Account> agents;

    ProductRuns(LoadTest.Options options, LoadTest.Database database, Path work) {
        this.options = options;
        this.database = database;
        this.work = work;
    }

    /** Every deployment the options ask for: each push setting, each node count, one node with and without Redis. */
    List<LoadTest.Step> load(boolean compression, EventLoopGroup loop) throws Exception {
        List<LoadTest.Step> steps = new ArrayList<>();
        for (boolean push : options.push()) {
            for (int nodes : options.nodes()) {
                for (boolean redis : nodes > 1 ? List.of(true) : options.redis()) {
                    steps.addAll(load(new Deployment(nodes, redis, push), compression, loop));
                }
            }
        }
        return steps;
    }

    private List<LoadTest.Step> load(Deployment deployment, boolean compression, EventLoopGroup loop) throws Exception {
        try (var fcm = deployment.push ? new FakeFcm() : null;
             var redis = deployment.redis ? new Redis(redisKeyPrefix) : null) {
            var env = environment(deployment, compression, fcm);
            List<ServerProcess> nodes = new ArrayList<>();
            List<LoadTest.Step> steps;
            try {
                for (int node = 1; node <= deployment.nodes; node++) {
                    nodes.add(start(env, node, deployment.logName(compression, node)));
                }
                List<Conversation> pairs = new ArrayList<>();
                for (int i = 0; i < options.pairs(); i++) {
                    pairs.add(new Conversation(null, users.get(i).token(), users.get(i).id(), agents.get(i).token(), agents.get(i).id()));
                }
                var underLoad = new UnderLoad(List.copyOf(nodes), database.url(), redis, fcm);
                steps = LoadTest.load(deployment.label(), underLoad, compression, options, pairs, loop);
            } finally {
                nodes.forEach(ServerProcess::close);
            }
            if (redis != null) {
                redis.deleteKeys();
            }
            return steps;
        }
    }

    /** A node on its own ports and data directory; the first one started also registers the run's accounts. */
    private ServerProcess start(Map<String, String> shared, int node, String log) throws Exception {
        var env = new HashMap<>(shared);
        env.put("SOCKET_PORT", String.valueOf(LoadTest.freePort()));
        env.put("HTTP_PORT", String.valueOf(LoadTest.freePort()));
        env.put("DATA_DIR", work.resolve("data-" + node).toString());
        var product = ServerProcess.product(options.jar(), options.serverHeap(), env, work.resolve(log));
        if (users == null) {
            var accounts = new Accounts(Integer.parseInt(env.get("HTTP_PORT")));
            users = accounts.register("user", options.pairs());
            agents = accounts.register("agent", options.pairs());
            if (options.push().contains(true)) {
                // stored with the accounts; a node with push off queues nothing for them
                for (var account : users) {
                    accounts.addDevice(account);
                }
                for (var account : agents) {
                    accounts.addDevice(account);
                }
            }
        }
        return product;
    }

    private Map<String, String> environment(Deployment deployment, boolean compression, FakeFcm fcm) {
        // every account comes from this one address, and at the top rates each user sends more than a person
        // would: the abuse limits are raised so that they measure the server, not its brakes; the tokens, issued
        // once, outlive every run
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", database.url(), "AUTH_JWT_SECRET", JWT_SECRET,
                "AUTH_TOKEN_TTL", "12h", "LOG_LEVEL", "WARN", "SOCKET_WEBSOCKET_COMPRESSION", String.valueOf(compression),
                "RATE_LIMIT_REGISTRATIONS_PER_HOUR", "1000000",
                "RATE_LIMIT_EVENTS_PER_SECOND", "10000", "RATE_LIMIT_EVENTS_BURST", "10000"));
        if (deployment.redis) {
            env.put("REDIS_URL", "redis://127.0.0.1:" + Redis.PORT);
            env.put("REDIS_KEY_PREFIX", redisKeyPrefix);
        }
        if (fcm != null) {
            env.put("FCM_CREDENTIALS_FILE", fcm.serviceAccountFile().toString());
            env.put("FCM_ENDPOINT", fcm.endpoint().toString());
        }
        return env;
    }

    /** Idle authenticated sockets, spread over the users' accounts; the heap they hold after a full GC. */
    void capacity(EventLoopGroup loop) throws Exception {
        var env = environment(new Deployment(1, false, false), false, null);
        // the sockets share the users' accounts, many devices each: none may push another out
        env.put("SOCKETS_PER_USER", String.valueOf(Math.min(1000, Math.ceilDiv(options.capacity(), options.pairs()))));
        try (var product = start(env, 1, "capacity.log")) {
            long heapBefore = product.heapUsed(true);
            long rssBefore = product.residentBytes();
            List<WireSocket> sockets = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            List<Integer> indexes = IntStream.range(0, options.capacity()).boxed().toList();
            int failed = LoadTest.connectAll(indexes, i -> WireSocket.connect(loop, product.socketPort(), false,
                    "{\"token\":\"" + users.get(i % users.size()).token() + "\"}", (frame, at) -> { })
                    .thenAccept(sockets::add), 200);
            double connectSeconds = (System.nanoTime() - start) / 1e9;
            ServerProcess.sleep(Duration.ofSeconds(3));
            long heapAfter = product.heapUsed(true);
            long rssAfter = product.residentBytes();
            System.out.printf("%n## Connection capacity (product, -Xmx%s, compression off, %d accounts)%n%n", options.serverHeap(), users.size());
            System.out.printf("| sockets asked | connected | failed | connect rate | live heap before | live heap after | heap per socket | RSS before | RSS after |%n");
            System.out.printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
            System.out.printf("| %d | %d | %d | %.0f /s | %d MiB | %d MiB | %.1f KiB | %d MiB | %d MiB |%n",
                    options.capacity(), sockets.size(), failed, sockets.size() / connectSeconds, heapBefore >> 20,
                    heapAfter >> 20, sockets.isEmpty() ? 0 : (heapAfter - heapBefore) / 1024.0 / sockets.size(),
                    rssBefore >> 20, rssAfter >> 20);
            sockets.forEach(WireSocket::close);
        }
    }
}
