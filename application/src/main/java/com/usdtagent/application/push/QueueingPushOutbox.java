package com.usdtagent.application.push;

import java.time.Clock;

/** The outbox when push is on: composes each push with the recipient's unread count and queues it per device. */
public final class QueueingPushOutbox implements PushOutbox {

    private final PushQueue queue;
    private final UnreadCounts unread;
    private final PushContents contents;
    private final Clock clock;

    public QueueingPushOutbox(PushQueue queue, UnreadCounts unread, PushContents contents, Clock clock) {
        this.queue = queue;
        this.unread = unread;
        this.contents = contents;
        this.clock = clock;
    }

    @Override
    public void enqueue(PushNotification notification) {
        var now = clock.instant();
        // read in the caller's transaction, so the count includes the message being sent
        int badge = unread.unreadTotal(notification.recipient());
        queue.enqueue(notification.recipient(), contents.compose(notification, badge, now), now);
    }
}
