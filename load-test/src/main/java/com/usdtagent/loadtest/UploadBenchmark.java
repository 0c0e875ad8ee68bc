package com.usdtagent.loadtest;

import io.netty.channel.nio.NioEventLoopGroup;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload throughput and memory: the product's jar in a JVM of its own with a fixed heap, one user uploading phone
 * photos and screenshots to their room over real multipart HTTP, one at a time and then several at once. Reports
 * uploads a second, the server's allocation per upload (Micrometer's {@code jvm_gc_memory_allocated_bytes_total})
 * and the peak of its heap above the idle heap while uploading (sampled from {@code /metrics} every 20 ms).
 *
 * <pre>load-test/run-uploads [--uploads=30] [--concurrency=1,4] [--server-heap=512m]
 *                        [--database=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres] [--jar=bootstrap/target/usdt-agent-server.jar]</pre>
 */
public final class UploadBenchmark {

    private static final String JWT_SECRET = "upload-benchmark-secret-of-at-least-32-bytes";
    private static final Pattern ROOM_ID = Pattern.compile("\"roomId\":\"([^\"]+)\"");
    private static final Pattern HEAP_LINE = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern ALLOCATED = Pattern.compile("(?m)^jvm_gc_memory_allocated_bytes_total(?:\\{[^}]*})? (\\S+)$");

    private record Sample(String kind, byte[] bytes, String name, String type) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadTest.namedOptions(args);
        int uploads = Integer.parseInt(options.getOrDefault("uploads", "30"));
        List<Integer> concurrency = List.of(options.getOrDefault("concurrency", "1,4").split(",")).stream()
                .map(Integer::parseInt).toList();
        String heap = options.getOrDefault("server-heap", "512m");
        Path jar = Path.of(options.getOrDefault("jar", "bootstrap/target/usdt-agent-server.jar"));
        Path work = Files.createTempDirectory("usdt-upload-benchmark");
        List<Sample> samples = List.of(
                new Sample("12 MP phone photo (JPEG)", photo(4000, 3000), "IMG_1234.jpg", "image/jpeg"),
                new Sample("1080 x 2400 screenshot (PNG)", screenshot(1080, 2400), "Screenshot.png", "image/png"));
        System.out.printf("# Upload benchmark %s%n%nserver heap %s, %d cores, %s%n%n", Instant.now(), heap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        try (var database = LoadTest.Database.fresh(options.getOrDefault("database", LoadTest.DEFAULT_DATABASE))) {
            int httpPort = LoadTest.freePort();
            int socketPort = LoadTest.freePort();
            var env = Map.of("DATABASE_URL", database.url(), "AUTH_JWT_SECRET", JWT_SECRET,
                    "HTTP_PORT", String.valueOf(httpPort), "SOCKET_PORT", String.valueOf(socketPort),
                    "DATA_DIR", work.resolve("data").toString(), "LOG_LEVEL", "WARN",
                    "ATTACHMENT_DAILY_BYTES", "1000GiB");
            try (var server = ServerProcess.product(jar, heap, env, work.resolve("server.log"))) {
                var accounts = new Accounts(httpPort);
                var agent = accounts.register("agent", 1).getFirst();
                var user = accounts.register("user", 1).getFirst();
                String roomId = openRoom(socketPort, user, agent);
                var bench = new UploadBenchmark(httpPort, user.token(), roomId);
                System.out.println("| upload | size | at once | uploads/s | MB/s in | p50 ms | max ms | allocated per upload | peak heap above idle | per upload at once |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
                for (Sample sample : samples) {
                    bench.run(sample, 4, 2); // warm-up: the JIT compiles the decoders
                    for (int atOnce : concurrency) {
                        bench.report(server, sample, uploads, atOnce);
                    }
                }
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int httpPort;
    private final String token;
    private final String roomId;

    private UploadBenchmark(int httpPort, String token, String roomId) {
        this.httpPort = httpPort;
        this.token = token;
        this.roomId = roomId;
    }

    private void report(ServerProcess server, Sample sample, int uploads, int atOnce) throws Exception {
        server.heapUsed(true); // a full GC, so the idle heap is what lives
        long idle = heap();
        long allocatedBefore = allocated();
        var peak = new AtomicLong(idle);
        var sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                try {
                    peak.accumulateAndGet(heap(), Math::max);
                    Thread.sleep(20);
                } catch (Exception stop) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        List<Long> latencies = run(sample, uploads, atOnce);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampling.set(false);
        sampler.join();
        long allocatedPerUpload = (allocated() - allocatedBefore) / uploads;
        Collections.sort(latencies);
        System.out.printf("| %s | %.1f MB | %d | %.2f | %.1f | %d | %d | %d MB | %d MB | %d MB |%n", sample.kind(),
                sample.bytes().length / 1e6, atOnce, uploads / seconds, uploads * sample.bytes().length / 1e6 / seconds,
                latencies.get(latencies.size() / 2), latencies.getLast(), allocatedPerUpload >> 20,
                (peak.get() - idle) >> 20, ((peak.get() - idle) / atOnce) >> 20);
    }

    /** Uploads {@code count} times, {@code atOnce} at a time; the latency of each, in milliseconds. */
    private List<Long> run(Sample sample, int count, int atOnce) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(atOnce);
        var left = new AtomicInteger(count);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long began = System.nanoTime();
                        upload(sample);
                        latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    private void upload(Sample sample) throws IOException, InterruptedException {
        String boundary = "bench" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + sample.name()
                + "\"\r\nContent-Type: " + sample.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(sample.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/api/rooms/" + roomId + "/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("upload refused: " + response.statusCode() + " " + response.body());
        }
    }

    private long heap() throws IOException, InterruptedException {
        Matcher line = HEAP_LINE.matcher(metrics());
        long sum = 0;
        while (line.find()) {
            sum += (long) Double.parseDouble(line.group(1));
        }
        return sum;
    }

    private long allocated() throws IOException, InterruptedException {
        Matcher line = ALLOCATED.matcher(metrics());
        return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
    }

    private String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String openRoom(int socketPort, Accounts.Account user, Accounts.Account agent) {
        var loop = new NioEventLoopGroup(1);
        try {
            var socket = WireSocket.connect(loop, socketPort, false, "{\"token\":\"" + user.token() + "\"}",
                    (frame, at) -> { }).orTimeout(30, TimeUnit.SECONDS).join();
            var ack = socket.emit("create-room", "{\"participantId\":\"" + agent.id() + "\"}")
                    .orTimeout(30, TimeUnit.SECONDS).join();
            socket.close();
            Matcher room = ROOM_ID.matcher(ack.json());
            if (!room.find()) {
                throw new IllegalStateException("create-room refused: " + ack.json());
            }
            return room.group(1);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** A photo-like JPEG at quality 0.92, as phones write them: a gradient with grain, 2 to 4 MB at 12 MP. */
    private static byte[] photo(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        var random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(25) - 12;
                int r = clamp(x * 255 / width + grain);
                int g = clamp(y * 255 / height + grain);
                int b = clamp(128 + grain);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A banking app's screenshot: flat colours and lines of text. */
    private static byte[] screenshot(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var canvas = image.createGraphics();
        canvas.setColor(Color.WHITE);
        canvas.fillRect(0, 0, width, height);
        canvas.setColor(new Color(0x1a73e8));
        canvas.fillRect(0, 0, width, 220);
        canvas.setColor(Color.DARK_GRAY);
        canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        for (int line = 0; line < 40; line++) {
            canvas.drawString("Transfer 1,070.00 USD to account ****" + (1000 + line * 37) + "  ref " + line, 40, 300 + line * 52);
        }
        canvas.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
