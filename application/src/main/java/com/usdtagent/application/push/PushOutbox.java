package com.usdtagent.application.push;

import java.util.List;

/**
 * Queues pushes durably. Call it inside the transaction of what causes the push, so that a push exists exactly
 * when its cause was committed; sending happens later, off the request path.
 */
public interface PushOutbox {

    void enqueue(PushNotification notification);

    /** Queues each of them; an outbox on a database queues a batch of sends' pushes at once. */
    default void enqueue(List<PushNotification> notifications) {
        notifications.forEach(this::enqueue);
    }
}
