package com.usdtagent.http;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsRoutesTest extends RunningServerTest {

    @Test
    void healthIsUpWhenTheUseCaseSaysSo() {
        server.checkHealth = () -> true;

        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.json(response).get("status").asText()).isEqualTo("up");
    }

    @Test
    void healthIsDownWith503Otherwise() {
        server.checkHealth = () -> false;

        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(server.json(response).get("status").asText()).isEqualTo("down");
    }

    @Test
    void metricsServesThePrometheusText() {
        server.prometheusText = "# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 12.0\n";

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(server.prometheusText);
    }

    @Test
    void requestsAreTimedPerRouteTemplateMethodAndStatus() {
        server.checkHealth = () -> true;
        server.get("/health");
        server.get("/api/me");
        server.get("/no/such/route/42");

        assertThat(timer("/health", "GET", "200")).isNotNull();
        assertThat(timer("/api/me", "GET", "401")).isNotNull();
        assertThat(timer("unmatched", "unmatched", "404")).isNotNull();
    }

    private static Timer timer(String route, String method, String status) {
        return server.meterRegistry.find("http.server.requests")
                .tags("route", route, "method", method, "status", status)
                .timer();
    }
}
