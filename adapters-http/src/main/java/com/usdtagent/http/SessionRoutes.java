package com.usdtagent.http;

import com.usdtagent.application.account.ChangePassword;
import com.usdtagent.application.account.EndSession;
import com.usdtagent.application.account.ListSessions;
import com.usdtagent.application.account.RefreshSession;
import com.usdtagent.application.account.SessionTokens;
import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

/** {@code /api/auth/refresh}, {@code /api/auth/logout}, {@code /api/sessions} and {@code /api/me/password}. */
final class SessionRoutes {

    static final String LOGOUT = "/api/auth/logout";

    record RefreshRequest(@NotNull String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }

    record PasswordRequest(@NotNull String currentPassword, @NotNull String newPassword) {
        @Override
        public String toString() {
            return "PasswordRequest[redacted]";
        }
    }

    record TokensView(String token, String refreshToken, long expiresIn) {
        static TokensView of(SessionTokens tokens) {
            return new TokensView(tokens.access().value(), tokens.refreshToken(), tokens.expiresIn());
        }
    }

    record SessionView(String id, boolean current, Instant createdAt, Instant lastUsedAt, String userAgent) {
    }

    record SessionsView(List<SessionView> sessions) {
    }

    private final RefreshSession refreshSession;
    private final EndSession endSession;
    private final ListSessions listSessions;
    private final ChangePassword changePassword;
    private final RequestBodies requestBodies;

    SessionRoutes(RefreshSession refreshSession, EndSession endSession, ListSessions listSessions,
                  ChangePassword changePassword, RequestBodies requestBodies) {
        this.refreshSession = refreshSession;
        this.endSession = endSession;
        this.listSessions = listSessions;
        this.changePassword = changePassword;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/auth/refresh", this::refresh);
        routes.post(LOGOUT, this::logOut);
        routes.get("/api/sessions", this::list);
        routes.delete("/api/sessions/{id}", this::end);
        routes.post("/api/me/password", this::changePassword);
    }

    private void refresh(Context ctx) {
        RefreshRequest request = requestBodies.read(ctx, RefreshRequest.class);
        ctx.json(TokensView.of(refreshSession.refresh(request.refreshToken())));
    }

    private void logOut(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        endSession.end(caller, caller.session());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void list(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        List<SessionView> sessions = listSessions.list(caller).stream().map(session -> view(session, caller.session()))
                .toList();
        ctx.json(new SessionsView(sessions));
    }

    private static SessionView view(LoginSession session, SessionId current) {
        return new SessionView(session.id().toString(), session.id().equals(current), session.createdAt(),
                session.lastUsedAt(), session.userAgent());
    }

    private void end(Context ctx) {
        endSession.end(BearerAuthentication.caller(ctx), new SessionId(Params.pathUuid(ctx, "id")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void changePassword(Context ctx) {
        PasswordRequest request = requestBodies.read(ctx, PasswordRequest.class);
        changePassword.change(BearerAuthentication.caller(ctx), request.currentPassword(), request.newPassword());
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
