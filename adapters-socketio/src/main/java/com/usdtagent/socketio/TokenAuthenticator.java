package com.usdtagent.socketio;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Checks {@code auth.token} of the v4 CONNECT packet. This is the only place a socket becomes a session: on
 * success the user is attached, the socket joins its user's room and a room of its own, and the connect work is
 * queued first in the socket's order. On failure the client gets {@code connect_error} with
 * {@code data.code = "UNAUTHORIZED"}, and a socket that stays unauthenticated is closed shortly after. A second
 * CONNECT on a socket that is already a session changes nothing: no new session, no fresh limits.
 */
final class TokenAuthenticator implements AuthTokenListener {

    private static final Duration GRACE_BEFORE_CLOSING_REFUSED = Duration.ofSeconds(2);

    private final AuthenticateToken authenticateToken;
    private final Sessions sessions;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    private final UserLimits limits;
    private final Consumer<SocketSession> onConnected;

    TokenAuthenticator(AuthenticateToken authenticateToken, Sessions sessions, UserLimits limits, Executor workers,
                       ScheduledExecutorService timers, Consumer<SocketSession> onConnected) {
        this.authenticateToken = authenticateToken;
        this.sessions = sessions;
        this.limits = limits;
        this.workers = workers;
        this.timers = timers;
        this.onConnected = onConnected;
    }

    @Override
    public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
        if (sessions.find(client.getSessionId()).isPresent()) {
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        try {
            AuthenticatedUser user = authenticateToken.authenticate(tokenIn(authData));
            var session = new SocketSession(client, user, new SerialQueue(workers));
            sessions.add(session);
            client.joinRoom(SocketSession.userRoom(user.id()));
            client.joinRoom(SocketSession.socketRoom(session.socketId()));
            session.queue().submit(() -> {
                limits.admit(user.id(), session.socketId());
                onConnected.accept(session);
            });
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (BusinessException refused) {
            timers.schedule(() -> closeUnlessAuthenticated(client),
                    GRACE_BEFORE_CLOSING_REFUSED.toMillis(), TimeUnit.MILLISECONDS);
            var reason = Map.of("code", ErrorCode.UNAUTHORIZED.name(), "message", refused.getMessage());
            return new AuthTokenResult(false, Map.of("message", refused.getMessage(), "data", reason));
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
