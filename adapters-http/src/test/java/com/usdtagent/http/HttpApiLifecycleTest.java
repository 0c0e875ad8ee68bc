package com.usdtagent.http;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpApiLifecycleTest {

    @Test
    void startsOnAFreePortWhenAskedForPortZero() {
        try (TestServer server = new TestServer()) {
            assertThat(server.api.port()).isPositive();
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stopLetsTheRequestUnderWayFinishAndThenRefusesConnections() throws Exception {
        TestServer server = new TestServer();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        server.checkHealth = () -> {
            handling.countDown();
            awaitQuietly(mayFinish);
            return true;
        };
        HttpRequest.Builder health = server.request("/health");
        CompletableFuture<HttpResponse<String>> underWay = CompletableFuture.supplyAsync(() -> server.send(health));
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.api::stop);
        Thread.sleep(300);
        assertThat(stopping).as("stop waits for the request under way").isNotDone();
        mayFinish.countDown();

        assertThat(underWay.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopping.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> server.send(health)).isInstanceOf(UncheckedIOException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
