package com.usdtagent.http;

import com.usdtagent.application.attachment.UnsupportedContent;
import com.usdtagent.application.shared.FailureLog;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;
import com.usdtagent.domain.shared.RateLimitedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Turns every failure into the contract's error body {@code { "error": { code, message, details } }}: refusals of the
 * use cases, Javalin's own (no route, body too large) and unexpected exceptions, which are logged but never shown.
 */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    record ErrorBody(ErrorContent error) {
    }

    record ErrorContent(String code, String message, List<FieldError> details) {
    }

    private ErrorResponses() {
    }

    static void addTo(RoutesConfig routes) {
        routes.exception(BusinessException.class, (refusal, ctx) -> respond(ctx, refusal));
        routes.exception(HttpResponseException.class, ErrorResponses::respondToJavalin);
        routes.exception(Exception.class, ErrorResponses::respondToUnexpected);
    }

    /** The one place that gives each contract code its HTTP status. */
    static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case INVALID_STATE, CONFLICT, INSUFFICIENT_FUNDS, BUSY -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
        };
    }

    private static void respond(Context ctx, BusinessException refusal) {
        if (refusal.code() == ErrorCode.UNAUTHORIZED) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal instanceof RateLimitedException limited) {
            // whole seconds, rounded up: a client that waits this long is not refused again for the same reason
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
        }
        // a file of a type the server does not take, or a body that is not JSON, is VALIDATION_FAILED with HTTP's own status
        boolean unsupportedMedia = refusal instanceof UnsupportedContent || refusal instanceof RequestBodies.NotJson;
        ctx.status(unsupportedMedia ? UNSUPPORTED_MEDIA_TYPE : status(refusal.code()))
                .json(new ErrorBody(new ErrorContent(refusal.code().name(), refusal.getMessage(), refusal.details())));
    }

    private static void respondToJavalin(HttpResponseException refusal, Context ctx) {
        switch (refusal.getStatus()) {
            case 404 -> respond(ctx, new BusinessException(ErrorCode.NOT_FOUND, "No such route"));
            case 413 -> respond(ctx, new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + HttpApi.MAX_BODY_BYTES / 1024 + " KiB"));
            default -> respondToUnexpected(refusal, ctx);
        }
    }

    private static void respondToUnexpected(Exception failure, Context ctx) {
        // the route template, not the path: a path may carry a token
        log.error("Request {} {} failed: {}", ctx.method().name(), MatchedRoute.template(ctx), FailureLog.describe(failure));
        respond(ctx, new BusinessException(ErrorCode.INTERNAL, "Internal server error"));
    }
}
