package com.usdtagent.http;

import com.usdtagent.application.health.CheckHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /health}, {@code /metrics} and {@code /openapi.json}: for load balancers, scrapers and client authors. */
final class OperationsRoutes {

    static final String OPENAPI_RESOURCE = "/openapi.json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final CheckHealth checkHealth;
    private final Supplier<String> prometheusScrape;
    private final byte[] openApiDocument;

    OperationsRoutes(CheckHealth checkHealth, Supplier<String> prometheusScrape) {
        this.checkHealth = checkHealth;
        this.prometheusScrape = prometheusScrape;
        this.openApiDocument = readOpenApiDocument();
    }

    void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(prometheusScrape.get()));
        routes.get("/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApiDocument));
    }

    private void health(Context ctx) {
        boolean healthy = checkHealth.healthy();
        ctx.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", healthy ? "up" : "down"));
    }

    private static byte[] readOpenApiDocument() {
        try (InputStream document = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (document == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return document.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
