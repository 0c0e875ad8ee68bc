package com.usdtagent.loadtest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Redis at 127.0.0.1:6379 the product's nodes share, read over a connection of its own (RESP by hand: a client
 * library for five commands is not worth it): its traffic counters, its CPU, who listens on the product's channels.
 * The counters are the whole server's, so whatever else uses that Redis meanwhile is counted too.
 */
final class Redis implements AutoCloseable {

    /** What Redis had done so far. {@code publishes}: calls of PUBLISH. */
    record Counters(long inputBytes, long outputBytes, long commands, long publishes, Duration cpu) {

        Counters minus(Counters before) {
            return new Counters(inputBytes - before.inputBytes, outputBytes - before.outputBytes,
                    commands - before.commands, publishes - before.publishes, cpu.minus(before.cpu));
        }
    }

    /** A step's share of Redis: the counters' growth, and how many nodes hear a room's emits, on average. */
    record Traffic(Counters used, double nodesPerRoom) {
    }

    static final int PORT = 6379;
    private static final Pattern PUBLISH_CALLS = Pattern.compile("cmdstat_publish:calls=(\\d+)");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String keyPrefix;

    /** @param keyPrefix the nodes' REDIS_KEY_PREFIX, which every channel and key of theirs starts with */
    Redis(String keyPrefix) throws IOException {
        this.keyPrefix = keyPrefix;
        socket = new Socket("127.0.0.1", PORT);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The counters now; CPU from /proc of the process named redis-server. */
    Counters counters() throws IOException {
        String stats = (String) command("INFO", "stats");
        var publishes = PUBLISH_CALLS.matcher((String) command("INFO", "commandstats"));
        return new Counters(field(stats, "total_net_input_bytes"), field(stats, "total_net_output_bytes"),
                field(stats, "total_commands_processed"), publishes.find() ? Long.parseLong(publishes.group(1)) : 0,
                HostCpu.named("redis-server"));
    }

    /** The step's traffic since {@code before}. */
    Traffic since(Counters before) throws IOException {
        // a node publishes a room's emits on the room's channel, to which the nodes with sockets in the room listen
        var channels = (List<?>) command("PUBSUB", "CHANNELS", keyPrefix + "room:*");
        if (channels.isEmpty()) {
            return new Traffic(counters().minus(before), 0);
        }
        List<String> numsub = new ArrayList<>(List.of("PUBSUB", "NUMSUB"));
        channels.forEach(channel -> numsub.add((String) channel));
        var counts = (List<?>) command(numsub.toArray(String[]::new));
        long listeners = 0;
        for (int i = 1; i < counts.size(); i += 2) {
            listeners += (Long) counts.get(i);
        }
        return new Traffic(counters().minus(before), (double) listeners / channels.size());
    }

    /** Deletes the nodes' keys (the sockets' sorted sets live a day). */
    void deleteKeys() throws IOException {
        String cursor = "0";
        do {
            var page = (List<?>) command("SCAN", cursor, "MATCH", keyPrefix + "*", "COUNT", "1000");
            cursor = (String) page.get(0);
            var keys = (List<?>) page.get(1);
            if (!keys.isEmpty()) {
                List<String> del = new ArrayList<>(List.of("DEL"));
                keys.forEach(key -> del.add((String) key));
                command(del.toArray(String[]::new));
            }
        } while (!cursor.equals("0"));
    }

    private static long field(String info, String name) {
        var value = Pattern.compile("(?m)^" + name + ":(\\d+)").matcher(info);
        if (!value.find()) {
            throw new IllegalStateException("Redis's INFO has no " + name);
        }
        return Long.parseLong(value.group(1));
    }

    private Object command(String... args) throws IOException {
        var request = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
    }

    /** One RESP2 reply: a simple or bulk string, an integer, or an array of them. */
    private Object reply() throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                in.readNBytes(2); // CRLF
                yield bulk;
            }
            case '*' -> {
                List<Object> items = new ArrayList<>();
                for (int i = Integer.parseInt(line); i > 0; i--) {
                    items.add(reply());
                }
                yield items;
            }
            case '-' -> throw new IOException("Redis: " + line);
            default -> throw new IOException("not a RESP reply: " + (char) type + line);
        };
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            bytes.write(b);
        }
        in.read(); // LF
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
