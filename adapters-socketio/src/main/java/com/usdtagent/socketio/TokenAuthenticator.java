package com.usdtagent.socketio;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.shared.FailureLog;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks {@code auth.token} of the v4 CONNECT packet, with the outcome {@link ConnectGate} found off the event loop.
 * This is the only place a socket becomes a session: on success the user is attached, the socket joins its user's
 * room and a room of its own, and the connect work is queued first in the socket's order, to run once netty-socketio
 * has answered the CONNECT ({@link ConnectGate} opens the queue then) and emits from other nodes to those rooms reach
 * this node. On failure the client gets {@code connect_error} with {@code data.code = "UNAUTHORIZED"} ({@code
 * INTERNAL} when the check itself failed, the database away), and a socket that stays unauthenticated is closed
 * shortly after. A second CONNECT on a socket that is already a session changes nothing: no new session, no fresh
 * limits.
 */
final class TokenAuthenticator implements AuthTokenListener {

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

    private static final Duration GRACE_BEFORE_CLOSING_REFUSED = Duration.ofSeconds(2);
    /** How long the connect work waits for Redis to relay the socket's rooms; without it, chat goes on locally. */
    private static final Duration ROOMS_RELAYED_WITHIN = Duration.ofSeconds(1);

    private final ConnectGate gate;
    private final Sessions sessions;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    private final UserLimits limits;
    private final Consumer<SocketSession> onConnected;
    private final Function<String, CompletionStage<?>> relayed;

    /** @param relayed when emits from other nodes to a room reach this node */
    TokenAuthenticator(ConnectGate gate, Sessions sessions, UserLimits limits, Executor workers,
                       ScheduledExecutorService timers, Consumer<SocketSession> onConnected,
                       Function<String, CompletionStage<?>> relayed) {
        this.gate = gate;
        this.sessions = sessions;
        this.limits = limits;
        this.workers = workers;
        this.timers = timers;
        this.onConnected = onConnected;
        this.relayed = relayed;
    }

    @Override
    public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
        if (sessions.find(client.getSessionId()).isPresent()) {
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        AuthenticatedUser user;
        try {
            user = gate.authenticate(client.getSessionId(), tokenIn(authData));
        } catch (BusinessException refused) {
            return refuse(client, ErrorCode.UNAUTHORIZED, refused.getMessage());
        } catch (RuntimeException failed) {
            // thrown on, it would reach netty-socketio's log with the packet, and the token in it
            log.error("checking a socket's token failed: {}", FailureLog.describe(failed));
            return refuse(client, ErrorCode.INTERNAL, "The token could not be checked; try again shortly");
        }
        var session = new SocketSession(client, user, new SerialQueue(workers));
        sessions.add(session);
        var rooms = List.of(SocketSession.userRoom(user.id()), SocketSession.socketRoom(session.socketId()));
        rooms.forEach(client::joinRoom);
        // before the socket hears it is connected, so that a user's sockets are counted in the order they
        // connected: counted later, a socket connected just after it on another node could count as older
        limits.admit(user.id(), session.socketId());
        session.queue().submit(() -> {
            awaitRelayOf(rooms);
            onConnected.accept(session);
        });
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    private AuthTokenResult refuse(SocketIOClient client, ErrorCode code, String message) {
        timers.schedule(() -> closeUnlessAuthenticated(client),
                GRACE_BEFORE_CLOSING_REFUSED.toMillis(), TimeUnit.MILLISECONDS);
        var reason = Map.of("code", code.name(), "message", message);
        return new AuthTokenResult(false, Map.of("message", message, "data", reason));
    }

    /** So that what the connect work then sends the socket (its room list, the deliveries) misses no emit. */
    private void awaitRelayOf(List<String> rooms) {
        try {
            CompletableFuture.allOf(rooms.stream().map(room -> relayed.apply(room).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)).get(ROOMS_RELAYED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException unrelayed) {
            // Redis is away: the socket gets other nodes' emits once it is back, and catches up on its next sync
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tokenIn(Object authData) {
        if (authData instanceof Map<?, ?> auth && auth.get("token") instanceof String token) {
            return token;
        }
        return null;
    }

    private void closeUnlessAuthenticated(SocketIOClient client) {
        if (sessions.find(client.getSessionId()).isEmpty() && client.isChannelOpen()) {
            client.disconnect();
        }
    }
}
