package com.usdtagent.loadtest;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The benchmark. For each compression setting it loads the bare relay, the full-protocol relay and then the product
 * with the same pairs over real Socket.IO connections, then counts how many idle sockets the product holds and their
 * heap. Open loop ({@code --loop=open}): messages at each fixed rate, whether or not the server keeps up. Closed loop
 * ({@code --loop=closed}): each pair keeps one message in flight, the next sent when the last one's ack arrives, so
 * the server runs as fast as it can and no socket exceeds its rate limit. Only ever connects to 127.0.0.1; every loop
 * is bounded in count and time. Prints a Markdown report.
 *
 * <pre>load-test/run [--pairs=500] [--rates=250,500,1000,2000,4000,8000,16000,32000] [--seconds=10] [--warmup=10]
 *               [--loop=open] [--targets=relay,full-relay,product]
 *               [--compression=off,on] [--push=off] [--nodes=1] [--redis=off] [--rounds=1] [--capacity=10000] [--server-heap=1g]
 *               [--database=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--jar=bootstrap/target/usdt-agent-server.jar]</pre>
 */
public final class LoadTest {

    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** JIT compilation per second of warm-up under which a server counts as warmed up: 5% of a core. */
    private static final Duration JIT_SETTLED = Duration.ofMillis(50);
    private static final int JIT_ROUND_SECONDS = 5;
    private static final int JIT_MAX_EXTRA_SECONDS = 180;
    /** The rate of a closed-loop step: as fast as the acks come back. */
    static final int CLOSED_LOOP = 0;
    /** The PostgreSQL every tool creates its database on unless {@code --database} names another. */
    static final String DEFAULT_DATABASE = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern ERROR_CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

    private static final List<String> TARGETS = List.of("relay", "full-relay", "product");

    record Options(int pairs, List<Integer> rates, int seconds, int warmup, boolean closedLoop, List<String> targets,
                   List<Boolean> compression, List<Boolean> push, List<Integer> nodes, List<Boolean> redis,
                   int rounds, int capacity, String serverHeap, String database, Path jar) {

        static Options parse(String[] args) {
            Map<String, String> given = namedOptions(args);
            var options = new Options(
                    bounded(given.getOrDefault("pairs", "500"), 1, 5_000),
                    Arrays.stream(given.getOrDefault("rates", "250,500,1000,2000,4000,8000,16000,32000").split(",")).map(rate -> bounded(rate, 1, 50_000)).toList(),
                    bounded(given.getOrDefault("seconds", "10"), 1, 120),
                    bounded(given.getOrDefault("warmup", "10"), 1, 120),
                    closedLoop(given.getOrDefault("loop", "open")),
                    List.of(given.getOrDefault("targets", String.join(",", TARGETS)).split(",")),
                    switches("compression", given.getOrDefault("compression", "off,on")),
                    switches("push", given.getOrDefault("push", "off")),
                    Arrays.stream(given.getOrDefault("nodes", "1").split(",")).map(nodes -> bounded(nodes, 1, 2)).toList(),
                    switches("redis", given.getOrDefault("redis", "off")),
                    bounded(given.getOrDefault("rounds", "1"), 1, 10),
                    bounded(given.getOrDefault("capacity", "10000"), 0, 15_000),
                    given.getOrDefault("server-heap", "1g"),
                    given.getOrDefault("database", DEFAULT_DATABASE),
                    Path.of(given.getOrDefault("jar", "bootstrap/target/usdt-agent-server.jar")));
            if (!TARGETS.containsAll(options.targets)) {
                throw new IllegalArgumentException("--targets takes some of " + TARGETS);
            }
            return options;
        }

        /** A list of on and off. */
        private static List<Boolean> switches(String option, String values) {
            List<String> given = List.of(values.split(","));
            if (!List.of("off", "on").containsAll(given)) {
                throw new IllegalArgumentException("--" + option + " takes off, on or both");
            }
            return given.stream().map(value -> value.equals("on")).toList();
        }

        private static boolean closedLoop(String loop) {
            if (!loop.equals("open") && !loop.equals("closed")) {
                throw new IllegalArgumentException("--loop is open or closed");
            }
            return loop.equals("closed");
        }

        private static int bounded(String value, int min, int max) {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
            }
            return number;
        }
    }

    /** Pushes FCM received over a step and its drain, and those still queued after it. */
    record Pushes(long sent, long backlog) {
    }

    /**
     * One rate step's figures. CPU: the server's JVMs, PostgreSQL's processes, and every core of the machine
     * (which also counts this client, and anything else running). {@code redis} and {@code pushes}: null when the
     * server uses no Redis, sends no push.
     */
    record Step(String target, boolean compression, int rate, long offered, long acked, long errors, long unanswered,
                Latencies ackLatency, Latencies deliveryLatency, Duration window, Duration measured, Duration serverCpu,
                Duration databaseCpu, Duration machineBusy, Duration clientCpu, long heapBytes, Redis.Traffic redis,
                Pushes pushes) {

        double deliveredPerSecond() {
            return deliveryLatency.count() / (window.toMillis() / 1000.0);
        }

        /** The server's CPU per delivered message: its JVMs and, for the product, PostgreSQL and Redis if used. */
        double serverCpuMicrosPerMessage() {
            return perMessage(serverCpu.plus(databaseCpu).plus(redis == null ? Duration.ZERO : redis.used().cpu()).toNanos() / 1000.0);
        }

        private double perMessage(double amount) {
            return deliveryLatency.count() == 0 ? 0 : amount / deliveryLatency.count();
        }

        boolean keptUp() {
            return deliveryLatency.count() >= offered * 0.99 && errors == 0;
        }

        String row() {
            double seconds = window.toMillis() / 1000.0;
            return "| %s | %s | %s | %.0f | %.0f | %d | %s | %s | %s | %s | %.0f | %s | %s | %d |".formatted(
                    target, compression ? "on" : "off", rateText(),
                    acked / seconds, deliveredPerSecond(),
                    errors + unanswered, ackLatency.summary(), deliveryLatency.summary(), share(serverCpu),
                    share(databaseCpu), serverCpuMicrosPerMessage(), share(clientCpu), share(machineBusy), heapBytes >> 20);
        }

        String redisRow() {
            var used = redis.used();
            return "| %s | %s | %s | %.0f | %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f |".formatted(target,
                    compression ? "on" : "off", rateText(), deliveredPerSecond(), share(used.cpu()),
                    perMessage(used.cpu().toNanos() / 1000.0), perMessage(used.inputBytes()),
                    perMessage(used.outputBytes()), perMessage(used.commands()), perMessage(used.publishes()),
                    redis.nodesPerRoom());
        }

        String pushRow() {
            return "| %s | %s | %s | %.0f | %.0f | %.2f | %d |".formatted(target, compression ? "on" : "off",
                    rateText(), deliveredPerSecond(), pushes.sent() / (window.toMillis() / 1000.0),
                    perMessage(pushes.sent()), pushes.backlog());
        }

        private String rateText() {
            return rate == CLOSED_LOOP ? "closed loop" : String.valueOf(rate);
        }

        /** Percent of one core over the time the CPU was measured: the step and its drain. */
        private String share(Duration cpu) {
            return "%.0f %%".formatted(100.0 * cpu.toMillis() / measured.toMillis());
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path work = Files.createTempDirectory("usdt-load-test");
        System.out.printf("# Load test %s%n%n", Instant.now());
        System.out.printf("pairs %d (%d sockets), %s, %d s each after at least %d s of warm-up and until the JIT settles, server heap %s, %d cores, %s%n%n",
                options.pairs, options.pairs * 2, options.closedLoop ? "closed loop (one message in flight per pair)"
                        : "rates " + options.rates + " msg/s", options.seconds, options.warmup, options.serverHeap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        EventLoopGroup loop = new NioEventLoopGroup(1);
        // one database and one set of accounts for every product run: registering is an Argon2id hash each
        try (var database = Database.fresh(options.database);
             var autovacuum = Autovacuum.standInIfOff(database.url(), Autovacuum.EVERY)) {
            if (autovacuum.standingIn()) {
                System.out.printf("The database server's autovacuum is off: every %d s this tool vacuums and analyzes the tables autovacuum would.%n%n",
                        Autovacuum.EVERY.toSeconds());
            }
            var product = new ProductRuns(options, database, work);
            // every target in turn, again in each round: a ratio is read from steps minutes apart, and the rounds
            // show how far the machine's speed moved meanwhile
            List<List<Step>> rounds = new ArrayList<>();
            for (int round = 0; round < options.rounds; round++) {
                List<Step> steps = new ArrayList<>();
                for (boolean compression : options.compression) {
                    for (String target : options.targets) {
                        steps.addAll(target.equals("product")
                                ? product.load(compression, loop)
                                : relayRun(target, options, compression, loop, work));
                    }
                }
                rounds.add(steps);
            }
            List<Step> steps = rounds.stream().flatMap(List::stream).toList();
            printSteps(steps);
            printRedis(steps);
            printPushes(steps);
            printRatios(rounds);
            if (options.capacity > 0) {
                product.capacity(loop);
            }
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** @param target {@code relay} (one frame a message) or {@code full-relay} (every frame the contract sends) */
    private static List<Step> relayRun(String target, Options options, boolean compression, EventLoopGroup loop,
                                       Path work) throws Exception {
        int port = freePort();
        try (var relay = ServerProcess.relay(options.serverHeap, port, compression, target.equals("full-relay"),
                work.resolve(target + ".log"))) {
            List<Conversation> pairs = new ArrayList<>();
            for (int i = 0; i < options.pairs; i++) {
                pairs.add(new Conversation("relay", "u" + i, "u" + i, "a" + i, "a" + i));
            }
            return load(target, UnderLoad.relay(relay), compression, options, pairs, loop);
        }
    }

    /** Connects both sides of every pair, opens their rooms, then runs each rate for the chosen time. */
    static List<Step> load(String target, UnderLoad servers, boolean compression, Options options,
                           List<Conversation> pairs, EventLoopGroup loop) throws Exception {
        var deliveries = new Deliveries();
        int failed = connectAll(pairs, conversation -> conversation.connect(loop, servers.userPort(), servers.agentPort(),
                compression, deliveries), 100);
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + pairs.size() + " pairs could not connect to " + target);
        }
        for (Conversation pair : pairs) {
            pair.openRoom();
        }
        List<Integer> rates = options.closedLoop ? List.of(CLOSED_LOOP) : options.rates;
        warmUp(target, servers, compression, rates.getFirst(), options.warmup, pairs, deliveries);
        List<Step> steps = new ArrayList<>();
        for (int rate : rates) {
            var step = step(target, servers, compression, rate, options.seconds, pairs, deliveries);
            steps.add(step);
            if (!step.keptUp()) {
                break; // its backlog would spill into the next step; higher rates would only say the same
            }
        }
        pairs.forEach(Conversation::close);
        return steps;
    }

    /**
     * Loads the servers, not measured, for the given seconds and then on until their JIT compilers have settled:
     * compiling the product's hot paths takes C2 most of a core for a minute, which a server that runs for days pays
     * once.
     */
    private static void warmUp(String target, UnderLoad servers, boolean compression, int rate, int seconds,
                               List<Conversation> pairs, Deliveries deliveries) throws Exception {
        Duration compiled = servers.jitTime();
        int elapsed = 0;
        for (int round = seconds; ; round = JIT_ROUND_SECONDS) {
            step(target + " warm-up", servers, compression, rate, round, pairs, deliveries);
            elapsed += round;
            Duration compiling = servers.jitTime().minus(compiled);
            compiled = compiled.plus(compiling);
            if (compiling.compareTo(JIT_SETTLED.multipliedBy(round)) <= 0 || elapsed >= seconds + JIT_MAX_EXTRA_SECONDS) {
                System.out.printf("%s warmed up for %d s; its JIT compiled for %d ms in the last %d s%n%n", target,
                        elapsed, compiling.toMillis(), round);
                return;
            }
        }
    }

    /** @param rate messages a second, or {@link #CLOSED_LOOP} */
    private static Step step(String target, UnderLoad servers, boolean compression, int rate, int seconds,
                             List<Conversation> pairs, Deliveries deliveries) throws Exception {
        var outcomes = new Outcomes();
        deliveries.latencies = new Latencies();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Duration serverCpuBefore = servers.cpuTime();
        Duration databaseCpuBefore = HostCpu.named("postgres");
        Redis.Counters redisBefore = servers.redis() == null ? null : servers.redis().counters();
        if (servers.fcm() != null) {
            servers.fcm().forgetReceived(); // the warm-up's and the last step's stragglers
        }
        Duration machineBusyBefore = HostCpu.busy();
        long clientCpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long sent = rate == CLOSED_LOOP ? closedLoop(pairs, end, outcomes) : openLoop(pairs, rate, start, end, outcomes);
        Duration window = Duration.ofNanos(System.nanoTime() - start);
        ServerProcess.sleep(DRAIN);
        var acks = outcomes.acks;
        var errors = outcomes.errors;
        long unanswered = sent - acks.count() - errors.get();
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        Duration serverCpu = servers.cpuTime().minus(serverCpuBefore);
        // the relays use no database: whatever PostgreSQL did meanwhile was somebody else's
        Duration databaseCpu = servers.databaseUrl() == null ? Duration.ZERO : HostCpu.named("postgres").minus(databaseCpuBefore);
        var redis = servers.redis() == null ? null : servers.redis().since(redisBefore);
        var pushes = servers.fcm() == null ? null : new Pushes(servers.fcm().forgetReceived(), servers.pushBacklog());
        Duration machineBusy = HostCpu.busy().minus(machineBusyBefore);
        Duration clientCpu = Duration.ofNanos(os.getProcessCpuTime() - clientCpuBefore);
        var step = new Step(target, compression, rate, sent, acks.count(), errors.get(), unanswered, acks,
                deliveries.latencies, window, measured, serverCpu, databaseCpu, machineBusy, clientCpu, servers.heapUsed(),
                redis, pushes);
        System.err.println(step.row() + (outcomes.errorCodes.isEmpty() ? "" : " errors: " + outcomes.errorCodes));
        return step;
    }

    /** Sends at the rate until {@code end}, pairs in turn, sides alternating; returns how many were sent. */
    private static long openLoop(List<Conversation> pairs, int rate, long start, long end, Outcomes outcomes)
            throws InterruptedException {
        long sent = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                var pair = pairs.get((int) (sent % pairs.size()));
                long sentAt = System.nanoTime();
                outcomes.track(pair.send((sent / pairs.size()) % 2 == 0, sent, sentAt), sentAt);
            }
            Thread.sleep(2);
        }
        return sent;
    }

    /** One message in flight per pair until {@code end}, sides alternating; returns how many were sent. */
    private static long closedLoop(List<Conversation> pairs, long end, Outcomes outcomes) throws InterruptedException {
        var sent = new AtomicLong();
        pairs.forEach(pair -> sendNext(pair, true, end, sent, outcomes));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        return sent.get();
    }

    private static void sendNext(Conversation pair, boolean fromUser, long end, AtomicLong sent, Outcomes outcomes) {
        long sentAt = System.nanoTime();
        if (sentAt >= end) {
            return;
        }
        outcomes.track(pair.send(fromUser, sent.getAndIncrement(), sentAt), sentAt).whenComplete((ack, failure) -> {
            if (failure == null) {
                sendNext(pair, !fromUser, end, sent, outcomes);
            }
        });
    }

    /** The acks of one step: their latencies, and the errors by code. */
    private static final class Outcomes {

        final Latencies acks = new Latencies();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorCodes = new ConcurrentSkipListMap<>();

        CompletableFuture<WireSocket.Ack> track(CompletableFuture<WireSocket.Ack> ack, long sentAt) {
            return ack.whenComplete((answer, failure) -> {
                if (failure == null && answer.json().contains("\"ok\":true")) {
                    acks.add(answer.receivedNanos() - sentAt);
                } else {
                    errors.incrementAndGet();
                    errorCodes.computeIfAbsent(failure != null ? failure.getClass().getSimpleName()
                            : errorCode(answer.json()), code -> new AtomicLong()).incrementAndGet();
                }
            });
        }
    }

    private static String errorCode(String ackJson) {
        var code = ERROR_CODE.matcher(ackJson);
        return code.find() ? code.group(1) : ackJson;
    }

    /** Connects everything with at most {@code inFlight} handshakes at once; returns how many failed. */
    static <T> int connectAll(List<T> items, Function<T, CompletableFuture<?>> connect, int inFlight)
            throws InterruptedException {
        var slots = new Semaphore(inFlight);
        var failed = new AtomicLong();
        for (T item : items) {
            slots.acquire();
            connect.apply(item).orTimeout(30, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
                if (failure != null && failed.getAndIncrement() == 0) {
                    System.err.println("a connection failed: " + failure); // the first one; the rest are counted
                }
                slots.release();
            });
        }
        slots.acquire(inFlight);
        return (int) failed.get();
    }

    private static void printSteps(List<Step> steps) {
        System.out.printf("## Steps%n%n");
        System.out.printf("| target | deflate | offered msg/s | acked msg/s | delivered msg/s | errors | ack p50 | p95 | p99 | max (ms) | delivery p50 | p95 | p99 | max (ms) | server JVM CPU | PostgreSQL CPU | server CPU µs/msg | client CPU | machine busy | server heap MiB |%n");
        System.out.printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
        steps.forEach(step -> System.out.println(step.row()));
    }

    /** Redis's share of the steps that used it: its CPU, and its traffic per delivered message. */
    private static void printRedis(List<Step> steps) {
        printTable(steps, "Redis", "| target | deflate | offered msg/s | delivered msg/s | Redis CPU | Redis CPU µs/msg "
                + "| bytes in /msg | bytes out /msg | commands /msg | PUBLISH /msg | nodes per room |",
                step -> step.redis() != null, Step::redisRow);
    }

    /** What the steps with push on handed to FCM. */
    private static void printPushes(List<Step> steps) {
        printTable(steps, "Push", "| target | deflate | offered msg/s | delivered msg/s | pushes to FCM /s | pushes /msg "
                + "| pushes queued after the drain |", step -> step.pushes() != null, Step::pushRow);
    }

    /** A table of the steps it concerns, under its own heading; nothing when none is concerned. */
    private static void printTable(List<Step> steps, String title, String header, Predicate<Step> concerned,
                                   Function<Step, String> row) {
        if (steps.stream().noneMatch(concerned)) {
            return;
        }
        System.out.printf("%n## %s%n%n%s%n%s|%n", title, header, "| --- ".repeat((int) header.chars()
                .filter(c -> c == '|').count() - 1));
        steps.stream().filter(concerned).forEach(step -> System.out.println(row.apply(step)));
    }

    /**
     * The product against each relay, round by round: the best rate each kept up with, and CPU per message there;
     * with several rounds, the median of each ratio.
     */
    private static void printRatios(List<List<Step>> rounds) {
        for (String relayTarget : List.of("relay", "full-relay")) {
            printRatios(rounds, relayTarget);
        }
    }

    private static void printRatios(List<List<Step>> rounds, String relayTarget) {
        if (rounds.getFirst().stream().noneMatch(step -> step.target().equals(relayTarget))) {
            return;
        }
        System.out.printf("%n## Product as a share of the %s%n%n",
                relayTarget.equals("relay") ? "bare relay" : "full-protocol relay");
        System.out.printf("| round | deflate | relay best kept-up msg/s | product best kept-up msg/s | throughput ratio | relay CPU µs/msg | product CPU µs/msg (JVM + PostgreSQL) | CPU per message ratio | product p99 delivery at its best (ms) |%n");
        System.out.printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- |%n");
        for (boolean compression : List.of(false, true)) {
            List<Double> throughputRatios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int round = 0; round < rounds.size(); round++) {
                var relay = best(rounds.get(round), relayTarget, compression);
                var product = best(rounds.get(round), "product", compression);
                if (relay == null || product == null) {
                    continue;
                }
                throughputRatios.add(product.deliveredPerSecond() / relay.deliveredPerSecond());
                cpuRatios.add(product.serverCpuMicrosPerMessage() / relay.serverCpuMicrosPerMessage());
                System.out.printf("| %d | %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.1f | %s |%n", round + 1,
                        compression ? "on" : "off", relay.deliveredPerSecond(), product.deliveredPerSecond(),
                        throughputRatios.getLast(), relay.serverCpuMicrosPerMessage(),
                        product.serverCpuMicrosPerMessage(), cpuRatios.getLast(),
                        Latencies.millis(product.deliveryLatency().percentileNanos(99)));
            }
            if (throughputRatios.size() > 1) {
                System.out.printf("| median | %s | | | %.2f | | | %.1f | |%n", compression ? "on" : "off",
                        median(throughputRatios), median(cpuRatios));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Step best(List<Step> steps, String target, boolean compression) {
        return steps.stream().filter(step -> step.target().equals(target) && step.compression() == compression && step.keptUp())
                .max(Comparator.comparingDouble(Step::deliveredPerSecond)).orElse(null);
    }

    /** The tools' {@code --name=value} arguments, by name ({@code --name} alone gives an empty value). */
    static Map<String, String> namedOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return options;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A database of the run's own on the given PostgreSQL server, dropped afterwards. */
    record Database(String adminUrl, String name) implements AutoCloseable {

        static Database fresh(String adminUrl) throws SQLException {
            String name = "load_test_" + System.currentTimeMillis();
            try (var connection = DriverManager.getConnection(adminUrl); var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return new Database(adminUrl, name);
        }

        String url() {
            return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }

        @Override
        public void close() throws SQLException {
            try (var connection = DriverManager.getConnection(adminUrl); var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
