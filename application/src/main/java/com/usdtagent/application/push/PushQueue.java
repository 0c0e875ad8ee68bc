package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The push outbox as a table: one row per device per push. Several dispatchers may claim at once; a claimed row
 * is leased to its claimer, so no two take it, and comes due again if its claimer dies before settling it.
 */
public interface PushQueue {

    /** A message for a recipient. */
    record Addressed(UserId recipient, PushMessage message) {
    }

    /** Queues each message once for each device its recipient has now, all at once; joins the caller's transaction. */
    void enqueue(List<Addressed> pushes, Instant now);

    default void enqueue(UserId recipient, PushMessage message, Instant now) {
        enqueue(List.of(new Addressed(recipient, message)), now);
    }

    /** Takes up to {@code limit} due rows for {@code lease}, counting an attempt on each. */
    List<QueuedPush> claim(int limit, Instant now, Duration lease);

    /**
     * Settles the rows that were delivered, all at once; the settle methods change nothing for a row that another
     * claimer has taken since.
     */
    void markSent(Collection<QueuedPush> sent);

    void retryAt(QueuedPush push, Instant at, String reason);

    void markFailed(QueuedPush push, String reason);
}
