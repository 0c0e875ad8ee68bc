package com.usdtagent.socketio;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.application.account.CheckSession;
import com.usdtagent.application.shared.FailureLog;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Puts every client event through the same path: refused unless the socket is authenticated, counted against its
 * user's limit, then queued in the socket's order, refused (and the socket closed) unless its session and account
 * still stand, read strictly, validated, handed to its handler, and answered with an ack (and an {@code error} event
 * on failure).
 */
final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    /** Handles one validated payload for the socket's user; what it returns is the ack's {@code data}. */
    interface Handler<P> {
        Object handle(SocketSession session, P payload);
    }

    private final SocketIOServer server;
    private final Sessions sessions;
    private final UserLimits limits;
    private final Json json;
    private final PayloadValidator validator;
    private final Replies replies;
    private final MeterRegistry meters;
    private final CheckSession checkSession;

    EventRouter(SocketIOServer server, Sessions sessions, UserLimits limits, Json json, Replies replies,
                MeterRegistry meters, CheckSession checkSession) {
        this.checkSession = checkSession;
        this.server = server;
        this.sessions = sessions;
        this.limits = limits;
        this.json = json;
        this.validator = new PayloadValidator();
        this.replies = replies;
        this.meters = meters;
    }

    <P> void on(Class<P> payloadType, Handler<P> handler, String... eventNames) {
        for (String event : eventNames) {
            server.addEventListener(event, JsonNode.class,
                    (client, data, ack) -> dispatch(event, client, data, ack, payloadType, handler));
        }
    }

    private <P> void dispatch(String event, SocketIOClient client, JsonNode data, AckRequest ack,
                              Class<P> payloadType, Handler<P> handler) {
        var session = sessions.find(client.getSessionId());
        if (session.isEmpty()) {
            // a socket without a verified user gets nothing back, not even an error, and is closed
            log.debug("event {} from unauthenticated socket {}; closing it", event, client.getSessionId());
            client.disconnect();
            return;
        }
        CompletableFuture<Boolean> allowed = limits.tryEvent(session.get().user().id()).toCompletableFuture();
        if (allowed.isDone() && !allowed.join()) {
            refuse(client, ack, event); // answered at once: a flood is not queued
            return;
        }
        session.get().queue().submit(() -> {
            if (allowed.join()) {
                handle(event, session.get(), data, ack, payloadType, handler);
            } else {
                refuse(client, ack, event);
            }
        });
    }

    private void refuse(SocketIOClient client, AckRequest ack, String event) {
        replies.fail(client, ack, event, Replies.Failure.of(
                new BusinessException(ErrorCode.RATE_LIMITED, "Too many events; slow down")));
    }

    private <P> void handle(String event, SocketSession session, JsonNode data, AckRequest ack,
                            Class<P> payloadType, Handler<P> handler) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        try {
            // on the worker, not the event loop: the check reads the database once in a while
            SocketSession current = session.as(checkSession.check(session.user()));
            P payload = validator.requireValid(json.readPayload(data, payloadType));
            replies.succeed(ack, handler.handle(current, payload));
        } catch (BusinessException refused) {
            outcome = refused.code().name();
            replies.fail(session.client(), ack, event, Replies.Failure.of(refused));
            if (refused.code() == ErrorCode.UNAUTHORIZED) {
                // the session or the account no longer stands: the socket goes, after hearing why
                session.client().disconnect();
            }
        } catch (RuntimeException failure) {
            outcome = ErrorCode.INTERNAL.name();
            log.error("event {} failed for user {}: {}", event, session.user().id(), FailureLog.describe(failure));
            replies.fail(session.client(), ack, event, Replies.Failure.internal());
        } finally {
            sample.stop(meters.timer("socketio.events", Tags.of("event", event, "outcome", outcome)));
        }
    }
}
