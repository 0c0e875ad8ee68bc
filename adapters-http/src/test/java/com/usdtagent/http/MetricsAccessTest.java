package com.usdtagent.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** METRICS_PORT and METRICS_TOKEN: the metrics on a port of their own, only to a scraper that shows the token. */
class MetricsAccessTest {

    private static final String TOKEN = "scrape-token-1234";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(List.of(), OptionalInt.of(0), Optional.of(TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theMetricsAreServedOnTheirOwnPortToTheTokenOnly() {
        assertThat(server.api.metricsPort()).isNotEqualTo(server.api.port());

        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = scrape("Bearer " + TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).isEqualTo(server.prometheusText);
    }

    @Test
    void theApiPortNoLongerServesThem() {
        assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> scrape(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.api.metricsPort() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }
}
