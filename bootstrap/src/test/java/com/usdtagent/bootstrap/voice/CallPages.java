package com.usdtagent.bootstrap.voice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Serves the test phone page ({@code webrtc/} in the test resources) and the vendored socket.io client the web app
 * uses ({@code web/vendor/} in adapters-http), both from the classpath, on a free loopback port: 127.0.0.1 is a
 * secure context, so the page may use the microphone.
 */
public final class CallPages implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final HttpServer server;

    private CallPages(HttpServer server) {
        this.server = server;
    }

    public static CallPages serve() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", CallPages::handle);
            server.start();
            return new CallPages(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The phone page's address. */
    public String phoneUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/phone.html";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resource = path.startsWith("/vendor/") ? "web" + path : "webrtc" + path;
            String extension = path.substring(path.lastIndexOf('.') + 1);
            try (InputStream body = path.contains("..") ? null : CallPages.class.getClassLoader().getResourceAsStream(resource)) {
                if (body == null || !TYPES.containsKey(extension)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension));
                exchange.sendResponseHeaders(200, 0);
                body.transferTo(exchange.getResponseBody());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
