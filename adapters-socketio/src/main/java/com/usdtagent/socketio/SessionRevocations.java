package com.usdtagent.socketio;

import com.usdtagent.application.account.SessionSignals;
import com.usdtagent.domain.account.SessionId;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Disconnects the sockets of revoked sessions: on this node directly, and through a Redis topic on every node of a
 * cluster (this one included), since a session's sockets may be connected anywhere. A client that reconnects with
 * the revoked token is refused with {@code connect_error} {@code UNAUTHORIZED}.
 */
final class SessionRevocations implements SessionSignals {

    private static final String TOPIC = "session-revoked";

    private final Sessions sessions;
    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);

    private final Optional<RTopic> topic;

    SessionRevocations(Sessions sessions, Optional<RedisStoreFactory> redis) {
        this.sessions = sessions;
        this.topic = redis.map(factory -> factory.redisson().getTopic(TOPIC, StringCodec.INSTANCE));
        topic.ifPresent(shared -> shared.addListener(String.class, (channel, ids) -> disconnect(parse(ids))));
    }

    @Override
    public void revoked(Collection<SessionId> revoked) {
        // this node's sockets go at once, Redis or not; the others' hear it when Redis answers, and while it does
        // not, their sockets are refused at their next event, which checks the session
        disconnect(Set.copyOf(revoked));
        topic.ifPresent(shared -> shared.publishAsync(revoked.stream().map(SessionId::toString)
                .collect(Collectors.joining(","))).whenComplete((receivers, failure) -> {
                    if (failure != null) {
                        log.warn("session revocation not announced to the other nodes: {}", failure.toString());
                    }
                }));
    }

    private void disconnect(Set<SessionId> revoked) {
        sessions.all().stream().filter(socket -> revoked.contains(socket.user().session()))
                .forEach(socket -> socket.client().disconnect());
    }

    private static Set<SessionId> parse(String ids) {
        return Arrays.stream(ids.split(",")).filter(id -> !id.isBlank())
                .map(id -> new SessionId(UUID.fromString(id))).collect(Collectors.toSet());
    }
}
