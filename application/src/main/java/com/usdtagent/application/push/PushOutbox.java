package com.usdtagent.application.push;

/**
 * Queues pushes durably. Call it inside the transaction of what causes the push, so that a push exists exactly
 * when its cause was committed; sending happens later, off the request path.
 */
public interface PushOutbox {

    void enqueue(PushNotification notification);
}
