package com.usdtagent.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A server under load in a JVM of its own, so that its CPU and heap are its own; read through /proc and jcmd. */
final class ServerProcess implements AutoCloseable {

    /** The first "used" of GC.heap_info is the whole heap's ("garbage-first heap total reserved .., committed .., used ..K"). */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** HotSpot's counters of time spent compiling, in ticks of its clock, and that clock's ticks a second. */
    private static final Pattern JIT_TICKS = Pattern.compile("(?:java|sun)\\.ci\\.totalTime=(\\d+)");
    private static final Pattern TICKS_PER_SECOND = Pattern.compile("sun\\.os\\.hrt\\.frequency=(\\d+)");
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

    private final Process process;
    private final int socketPort;

    private ServerProcess(Process process, int socketPort) {
        this.process = process;
        this.socketPort = socketPort;
    }

    /** The product's jar with this environment added to the tool's own; ready once its HTTP port (opened last) listens. */
    static ServerProcess product(Path jar, String heap, Map<String, String> env, Path log) throws IOException {
        var command = List.of(JAVA_BIN.resolve("java").toString(), "-Xmx" + heap, "-jar", jar.toString());
        return start(command, env, Integer.parseInt(env.get("SOCKET_PORT")), Integer.parseInt(env.get("HTTP_PORT")), log);
    }

    /** The relay from this tool's classpath: bare, or sending every frame of the chat contract. */
    static ServerProcess relay(String heap, int socketPort, boolean compression, boolean full, Path log) throws IOException {
        var command = List.of(JAVA_BIN.resolve("java").toString(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                RelayServer.class.getName(), String.valueOf(socketPort), String.valueOf(compression), full ? "full" : "bare");
        return start(command, Map.of(), socketPort, socketPort, log);
    }

    private static ServerProcess start(List<String> command, Map<String, String> env, int socketPort, int readyPort, Path log)
            throws IOException {
        var builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        var server = new ServerProcess(builder.start(), socketPort);
        server.awaitListening(readyPort, Duration.ofSeconds(90));
        return server;
    }

    private void awaitListening(int port, Duration atMost) throws IOException {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue());
            }
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(250));
            }
        }
        throw new IOException("the server did not listen on " + port + " within " + atMost);
    }

    int socketPort() {
        return socketPort;
    }

    /** CPU time the process has used so far, user plus system. */
    Duration cpuTime() {
        return HostCpu.process(process.pid());
    }

    /** Heap in use, in bytes; after a full GC when {@code collectFirst}, which is what the live objects take. */
    long heapUsed(boolean collectFirst) throws IOException {
        if (collectFirst) {
            jcmd("GC.run");
        }
        String info = jcmd("GC.heap_info");
        var used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IOException("no heap figure in jcmd's answer: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Time the JIT compilers have spent so far (their threads' CPU, counted in the process's). */
    Duration jitTime() throws IOException {
        String counters = jcmd("PerfCounter.print");
        var ticks = JIT_TICKS.matcher(counters);
        var perSecond = TICKS_PER_SECOND.matcher(counters);
        if (!ticks.find() || !perSecond.find()) {
            throw new IOException("no JIT counters in jcmd's answer: " + counters);
        }
        return Duration.ofNanos((long) (Long.parseLong(ticks.group(1)) * 1e9 / Long.parseLong(perSecond.group(1))));
    }

    /** Resident memory of the whole process (heap, Netty's direct buffers, code), in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private String jcmd(String command) throws IOException {
        var jcmd = new ProcessBuilder(JAVA_BIN.resolve("jcmd").toString(), String.valueOf(process.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            jcmd.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
