package com.usdtagent.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web app: its files from the classpath at {@code /}, {@code GET /app-config.json} telling it where Socket.IO
 * listens and whether the server has a chain (so the wallet page asks for nothing the server would refuse), and the Content-Security-Policy its pages are served with (no inline script or style; connections only
 * to this origin and the socket's).
 */
final class WebAppRoutes {

    static final String FILES = "/web";
    /** A host name or an IPv6 literal, as the Host header may carry it; anything else is not put into a header. */
    /**
     * Where Agora's Web SDK connects (README, "The web app"): its gateways, media edges, log and statistics servers
     * are all under these two domains, over HTTPS and secure WebSockets.
     */
    private static final String AGORA = " https://*.agora.io wss://*.agora.io https://*.sd-rtn.com wss://*.sd-rtn.com";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    record AppConfig(String socketUrl, boolean onChain) {
    }

    private final HttpApi.WebApp settings;
    private final boolean onChain;

    WebAppRoutes(HttpApi.WebApp settings, boolean onChain) {
        this.settings = settings;
        this.onChain = onChain;
    }

    void addTo(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = FILES;
            files.location = Location.CLASSPATH;
            // the files change with every release of the jar: revalidate, the ETag makes that cheap
            files.headers = Map.of(Header.CACHE_CONTROL, "no-cache");
        });
        config.routes.before(this::protectPage);
        config.routes.get("/app-config.json", ctx -> ctx.header(Header.CACHE_CONTROL, "no-store")
                .json(new AppConfig(socketUrl(ctx).map(URI::toString).orElse(null), onChain)));
    }

    private void protectPage(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            return;
        }
        String socket = socketUrl(ctx).map(url -> {
            String websocket = url.getScheme().equals("https") ? "wss" : "ws";
            return " " + url + " " + websocket + "://" + url.getRawAuthority();
        }).orElse("");
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'" + socket
                + (settings.agoraCalls() ? AGORA : "") + "; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** The configured URL, else the host this request came to on the socket port; empty when that host is odd. */
    private Optional<URI> socketUrl(Context ctx) {
        if (settings.publicSocketUrl().isPresent()) {
            return settings.publicSocketUrl();
        }
        String host = ctx.req().getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(ctx.scheme() + "://" + host + ":" + settings.socketPort()));
    }
}
