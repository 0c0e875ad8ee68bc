package com.usdtagent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.RegisterAccount;
import com.usdtagent.application.account.ShowMyAccount;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.LinkSigner;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.health.CheckHealth;
import com.usdtagent.application.push.ForgetDevice;
import com.usdtagent.application.push.RegisterDevice;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The real HTTP API on a free port, in front of hand-written use cases that each test may replace: the server calls
 * the use cases through these fields, so one server serves a whole test class.
 */
final class TestServer implements AutoCloseable {

    static final String VALID_TOKEN = "valid-token";
    static final int SOCKET_PORT = 9092;
    static final AuthenticatedUser CALLER = new AuthenticatedUser(UserId.newId(), Role.USER);

    volatile RegisterAccount registerAccount = command -> {
        throw new AssertionError("registerAccount was not expected");
    };
    volatile LogIn logIn = command -> {
        throw new AssertionError("logIn was not expected");
    };
    volatile ShowMyAccount showMyAccount = caller -> {
        throw new AssertionError("showMyAccount was not expected");
    };
    volatile CheckHealth checkHealth = () -> true;
    volatile ListCalls listCalls = (caller, query) -> {
        throw new AssertionError("listCalls was not expected");
    };
    volatile RegisterDevice registerDevice = (caller, command) -> {
        throw new AssertionError("registerDevice was not expected");
    };
    volatile ForgetDevice forgetDevice = (caller, token) -> {
        throw new AssertionError("forgetDevice was not expected");
    };
    volatile String prometheusText = "# TYPE up gauge\nup 1\n";
    final AuthenticateToken authenticateToken = token -> {
        if (VALID_TOKEN.equals(token)) {
            return CALLER;
        }
        throw new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired");
    };

    final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    final HttpApi api;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    TestServer() {
        this(List.of(), OptionalInt.empty(), Optional.empty());
    }

    /** A server that answers CORS for {@code allowedOrigins} and serves its metrics as {@code metricsPort} and the token say. */
    TestServer(List<String> allowedOrigins, OptionalInt metricsPort, Optional<String> metricsToken) {
        HttpApi.UseCases useCases = new HttpApi.UseCases(
                command -> registerAccount.register(command),
                command -> logIn.logIn(command),
                authenticateToken,
                caller -> showMyAccount.show(caller),
                (caller, username) -> {
                    throw new AssertionError("lookUpAccount was not expected");
                },
                () -> checkHealth.healthy(),
                (caller, query) -> listCalls.list(caller, query),
                (caller, command) -> registerDevice.register(caller, command),
                (caller, token) -> forgetDevice.forget(caller, token),
                unexpected(HttpApi.TradeUseCases.class),
                unexpected(HttpApi.AttachmentUseCases.class),
                Optional.empty(),
                unexpected(HttpApi.SessionUseCases.class),
                unexpected(HttpApi.ModerationUseCases.class));
        api = HttpApi.create(useCases, new HttpApi.WebApp(SOCKET_PORT, Optional.empty(), allowedOrigins, false),
                new HttpApi.Metrics(() -> prometheusText, metricsPort, metricsToken), meterRegistry,
                List.of());
        api.start(0);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> getAsCaller(String path) {
        return send(request(path).header("Authorization", "Bearer " + VALID_TOKEN).GET());
    }

    HttpResponse<String> postAsCaller(String path, String body) {
        return send(request(path).header("Authorization", "Bearer " + VALID_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> deleteAsCaller(String path) {
        return send(request(path).header("Authorization", "Bearer " + VALID_TOKEN).DELETE());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        api.stop();
    }

    /**
     * Use cases that fail the test when called: trade and attachment routes are tested end to end in bootstrap. Each
     * component is an interface proxy, except the links, which sign with a key that fails the test when used.
     */
    private static <R extends Record> R unexpected(Class<R> useCases) {
        var components = useCases.getRecordComponents();
        Object[] unexpected = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Class<?> type = components[i].getType();
            unexpected[i] = type == AttachmentLinks.class
                    ? new AttachmentLinks(proxy(LinkSigner.class, "signing links"), Duration.ofMinutes(15), Clock.systemUTC())
                    : proxy(type, name);
        }
        try {
            return useCases.cast(useCases.getDeclaredConstructors()[0].newInstance(unexpected));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T proxy(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(TestServer.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new AssertionError(name + " was not expected");
                }));
    }
}
