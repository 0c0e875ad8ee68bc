package com.usdtagent.http;

import com.usdtagent.application.health.CheckHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code /health}, {@code /metrics}, {@code /openapi.json} (this API) and {@code /asyncapi.yaml} (the socket
 * protocol): for load balancers, scrapers and client authors.
 */
final class OperationsRoutes {

    static final String OPENAPI_RESOURCE = "/openapi.json";
    static final String ASYNCAPI_RESOURCE = "/asyncapi.yaml";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final CheckHealth checkHealth;
    private final HttpApi.Metrics metrics;
    private final byte[] openApiDocument;
    private final byte[] asyncApiDocument;

    OperationsRoutes(CheckHealth checkHealth, HttpApi.Metrics metrics) {
        this.checkHealth = checkHealth;
        this.metrics = metrics;
        this.openApiDocument = readResource(OPENAPI_RESOURCE);
        this.asyncApiDocument = readResource(ASYNCAPI_RESOURCE);
    }

    /** Health and the two API documents, and the metrics unless they have a port of their own. */
    void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        if (metrics.port().isEmpty()) {
            addMetricsTo(routes);
        }
        routes.get(OPENAPI_RESOURCE, ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApiDocument));
        routes.get(ASYNCAPI_RESOURCE, ctx -> ctx.contentType(ContentType.APPLICATION_YAML).result(asyncApiDocument));
    }

    void addMetricsTo(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
    }

    private void metrics(Context ctx) {
        if (metrics.bearerToken().isPresent() && !presents(ctx, metrics.bearerToken().get())) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "The metrics token is required");
        }
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape().get());
    }

    /** Compared in constant time: the answer's timing must not tell how much of a guess was right. */
    private static boolean presents(Context ctx, String token) {
        String authorization = ctx.header(Header.AUTHORIZATION);
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return authorization != null
                && MessageDigest.isEqual(authorization.strip().getBytes(StandardCharsets.UTF_8), expected);
    }

    private void health(Context ctx) {
        boolean healthy = checkHealth.healthy();
        ctx.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", healthy ? "up" : "down"));
    }

    private static byte[] readResource(String name) {
        try (InputStream document = OperationsRoutes.class.getResourceAsStream(name)) {
            if (document == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return document.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
