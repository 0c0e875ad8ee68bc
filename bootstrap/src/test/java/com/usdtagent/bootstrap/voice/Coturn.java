package com.usdtagent.bootstrap.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real coturn (Debian's {@code turnserver}) on a free loopback port, checking credentials with
 * {@code use-auth-secret} as a production one would, and relaying between loopback peers (both test browsers).
 */
public final class Coturn implements AutoCloseable {

    public static final Path SERVER = Path.of("/usr/bin/turnserver");
    private static final int RELAY_PORTS = 40;

    private final Process process;
    private final int port;

    private Coturn(Process process, int port) {
        this.process = process;
        this.port = port;
    }


    public static Coturn start(String secret) {
        try {
            Path dir = Files.createTempDirectory("coturn");
            int port = freeUdpAndTcpPort();
            int relayFrom = 20_000 + (int) (ProcessHandle.current().pid() % 400) * 100;
            Path log = dir.resolve("turnserver.log");
            var process = new ProcessBuilder(List.of(SERVER.toString(), "-n",
                    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                    "--min-port=" + relayFrom, "--max-port=" + (relayFrom + RELAY_PORTS),
                    "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=usdt-agent.test",
                    "--allow-loopback-peers", "--no-cli", "--no-tls", "--no-dtls",
                    "--pidfile=" + dir.resolve("turnserver.pid"), "--db=" + dir.resolve("turndb"),
                    "--log-file=stdout", "--simple-log"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var coturn = new Coturn(process, port);
            await().atMost(Duration.ofSeconds(10)).until(() -> coturn.listening() || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("turnserver stopped at once:\n" + Files.readString(log));
            }
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TURN url over UDP, as TURN_URLS takes it. */
    public String turnUrl() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** The same server answering STUN, as STUN_URLS takes it. */
    public String stunUrl() {
        return "stun:127.0.0.1:" + port;
    }


    private boolean listening() {
        try (var probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A port free for both UDP and TCP, since coturn listens on both. */
    private static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (var udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                 var tcp = new java.net.ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                if (attempt == 20) {
                    throw taken;
                }
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
