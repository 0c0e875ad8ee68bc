package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;

import java.time.Clock;
import java.util.List;
import java.util.Map;

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
        enqueue(List.of(notification));
    }

    @Override
    public void enqueue(List<PushNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        var now = clock.instant();
        // read in the caller's transaction, so the counts include the messages being sent
        Map<UserId, Integer> badges = unread.unreadTotals(notifications.stream().map(PushNotification::recipient)
                .distinct().toList());
        queue.enqueue(notifications.stream().map(notification -> new PushQueue.Addressed(notification.recipient(),
                contents.compose(notification, badges.getOrDefault(notification.recipient(), 0), now))).toList(), now);
    }
}
