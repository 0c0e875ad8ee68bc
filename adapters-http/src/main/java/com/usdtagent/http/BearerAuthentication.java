package com.usdtagent.http;

import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;

/**
 * Requires {@code Authorization: Bearer <token>} on every {@code /api} route except {@code /api/auth/*} (but for
 * {@code /api/auth/logout}, which ends the bearer's session) and keeps
 * the caller it proves in the request, for {@link #caller(Context)}.
 */
final class BearerAuthentication {

    private static final String CALLER_ATTRIBUTE = AuthenticatedUser.class.getName();
    private static final String SCHEME = "Bearer ";

    private final AuthenticateToken authenticateToken;

    BearerAuthentication(AuthenticateToken authenticateToken) {
        this.authenticateToken = authenticateToken;
    }

    void addTo(RoutesConfig routes) {
        // decided on the route that will handle the request, so no spelling of a path can slip past it
        routes.beforeMatched(this::authenticate);
        // Javalin answers HEAD for any GET route without running the route or its beforeMatched filters
        routes.before(ctx -> {
            if (ctx.method() == HandlerType.HEAD && isProtected(ctx.path())) {
                authenticateToken.authenticate(bearerToken(ctx));
            }
        });
    }

    /** The caller of a route behind this filter. */
    static AuthenticatedUser caller(Context ctx) {
        AuthenticatedUser caller = ctx.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException(MatchedRoute.template(ctx) + " is not behind bearer authentication");
        }
        return caller;
    }

    private void authenticate(Context ctx) {
        if (isProtected(MatchedRoute.template(ctx))) {
            ctx.attribute(CALLER_ATTRIBUTE, authenticateToken.authenticate(bearerToken(ctx)));
        }
    }

    private static boolean isProtected(String route) {
        return route.startsWith("/api/") && (!route.startsWith("/api/auth/") || route.equals(SessionRoutes.LOGOUT));
    }

    private static String bearerToken(Context ctx) {
        String authorization = ctx.header(Header.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "A bearer token is required");
        }
        return authorization.substring(SCHEME.length()).trim();
    }
}
