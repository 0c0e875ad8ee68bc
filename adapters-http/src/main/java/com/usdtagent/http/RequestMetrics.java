package com.usdtagent.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.http.Context;

import java.time.Duration;

/** Times every request as {@code http.server.requests}, tagged with the route template, method and status. */
final class RequestMetrics {

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float executionMillis) {
        String route = MatchedRoute.template(ctx);
        // an unmatched request may carry any method a client invents; tagging it would let clients mint series
        String method = route.equals(MatchedRoute.UNMATCHED) ? MatchedRoute.UNMATCHED : ctx.method().name();
        Timer.builder("http.server.requests")
                .tag("route", route)
                .tag("method", method)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (executionMillis * 1_000_000)));
    }
}
