package com.usdtagent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.push.QueuedPush;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static com.usdtagent.persistence.SqlArrays.each;

/**
 * The push outbox in {@code push_outbox}. Claiming is one statement: it locks due rows with SKIP LOCKED, so two
 * dispatchers never wait for or take the same row, and moves them to the end of the lease before committing.
 * A row's {@code attempts} doubles as the claim's ticket: settling a row whose lease ran out and was claimed again
 * changes nothing.
 */
final class JdbiPushQueue implements PushQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    // every push once per device of its recipient, in one statement over the pushes' arrays
    private static final String ENQUEUE = """
            INSERT INTO push_outbox (token, title, body, data, channel, thread_id, badge, expires_at, next_attempt_at, created_at)
            SELECT device.token, push.title, push.body, CAST(push.data AS jsonb), push.channel, push.thread_id, push.badge,
                   CAST(push.expires_at AS timestamptz), :now, :now
            FROM unnest(:recipients, :titles, :bodies, :datas, :channels, :threadIds, :badges, :expiresAts)
                 AS push (recipient, title, body, data, channel, thread_id, badge, expires_at)
            JOIN push_device device ON device.user_id = push.recipient
            """;
    private static final String CLAIM = """
            UPDATE push_outbox SET attempts = attempts + 1, next_attempt_at = :leaseEnd
            WHERE id IN (
                SELECT id FROM push_outbox
                WHERE status = 'pending' AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING id, token, title, body, data, channel, thread_id, badge, expires_at, attempts
            """;
    private static final String THIS_CLAIM = " WHERE id = :id AND attempts = :attempt AND status = 'pending'";
    private static final String DELETE_SENT = """
            DELETE FROM push_outbox USING unnest(:ids, :attempts) AS sent (id, attempt)
            WHERE push_outbox.id = sent.id AND push_outbox.attempts = sent.attempt AND push_outbox.status = 'pending'
            """;
    private static final String RETRY_AT = "UPDATE push_outbox SET next_attempt_at = :at, last_error = :reason" + THIS_CLAIM;
    private static final String FAIL = "UPDATE push_outbox SET status = 'failed', last_error = :reason" + THIS_CLAIM;

    private final Jdbi jdbi;

    JdbiPushQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void enqueue(List<Addressed> pushes, Instant now) {
        if (pushes.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate(ENQUEUE)
                .bind("recipients", SqlArrays.array("uuid", each(pushes, push -> push.recipient().value())))
                .bind("titles", SqlArrays.array("text", each(pushes, push -> push.message().title())))
                .bind("bodies", SqlArrays.array("text", each(pushes, push -> push.message().body())))
                .bind("datas", SqlArrays.array("text", each(pushes, push -> json(push.message().data()))))
                .bind("channels", SqlArrays.array("text", each(pushes, push -> push.message().channel())))
                .bind("threadIds", SqlArrays.array("text", each(pushes, push -> push.message().threadId())))
                .bind("badges", SqlArrays.array("integer", each(pushes, push -> push.message().badge())))
                .bind("expiresAts", SqlArrays.array("text", each(pushes, push -> push.message().expiresAt() == null
                        ? null : push.message().expiresAt().toString())))
                .bind("now", Timestamps.utc(now))
                .execute());
    }

    @Override
    public List<QueuedPush> claim(int limit, Instant now, Duration lease) {
        return jdbi.withHandle(handle -> handle.createQuery(CLAIM)
                .bind("leaseEnd", Timestamps.utc(now.plus(lease)))
                .bind("now", Timestamps.utc(now))
                .bind("limit", limit)
                .map((row, context) -> toQueuedPush(row))
                .list());
    }

    @Override
    public void markSent(Collection<QueuedPush> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate(DELETE_SENT)
                .bind("ids", SqlArrays.array("bigint", sent.stream().map(QueuedPush::id).toList()))
                .bind("attempts", SqlArrays.array("integer", sent.stream().map(QueuedPush::attempt).toList()))
                .execute());
    }

    @Override
    public void retryAt(QueuedPush push, Instant at, String reason) {
        jdbi.useHandle(handle -> handle.createUpdate(RETRY_AT)
                .bind("at", Timestamps.utc(at))
                .bind("reason", reason)
                .bind("id", push.id())
                .bind("attempt", push.attempt())
                .execute());
    }

    @Override
    public void markFailed(QueuedPush push, String reason) {
        jdbi.useHandle(handle -> handle.createUpdate(FAIL)
                .bind("reason", reason)
                .bind("id", push.id())
                .bind("attempt", push.attempt())
                .execute());
    }

    private static QueuedPush toQueuedPush(ResultSet row) throws SQLException {
        var message = new PushMessage(row.getString("title"), row.getString("body"), data(row.getString("data")),
                row.getString("channel"), row.getString("thread_id"), row.getObject("badge", Integer.class),
                Timestamps.instant(row, "expires_at"));
        return new QueuedPush(row.getLong("id"), row.getString("token"), message, row.getInt("attempts"));
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push data cannot be written as JSON", e);
        }
    }

    private static Map<String, String> data(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push_outbox.data is not a JSON object of strings", e);
        }
    }
}
