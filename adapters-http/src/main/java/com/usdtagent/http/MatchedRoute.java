package com.usdtagent.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * The route template a request matched, like {@code /api/orders/{id}}. Unlike the path it has few values and
 * carries no ids or tokens, so it is what logs and metrics name and what authentication decides on.
 */
final class MatchedRoute {

    static final String UNMATCHED = "unmatched";

    private MatchedRoute() {
    }

    static String template(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
