package com.usdtagent.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.plugin.bundled.CorsPlugin;

import java.util.List;

/**
 * What browsers are told on every answer: CORS for the other sites allowed to call the API (the server's own web app
 * is same-origin and needs none), no MIME sniffing, and no caching of {@code /api} answers, which are all per user.
 */
final class BrowserRules {

    private final List<String> allowedOrigins;

    BrowserRules(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    void addTo(JavalinConfig config) {
        if (!allowedOrigins.isEmpty()) {
            // bearer tokens, no cookies: no credentials mode; a preflight from any other origin gets no CORS headers
            config.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> {
                rule.path = "/api/*";
                allowedOrigins.forEach(origin -> rule.allowHost(origin));
                rule.exposeHeader(Header.RETRY_AFTER);
            })));
        }
        config.routes.before(BrowserRules::protect);
    }

    private static void protect(Context ctx) {
        ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (ctx.path().startsWith("/api/")) {
            // tokens, phone numbers, wallets and orders: nothing a shared cache or the back button should keep
            ctx.header(Header.CACHE_CONTROL, "no-store");
        }
    }
}
