package com.usdtagent.application.push;

import com.usdtagent.application.chat.ChatRooms;

import java.time.Clock;

/** The outbox when push is on: composes each push with the recipient's unread count and queues it per device. */
public final class QueueingPushOutbox implements PushOutbox {

    private final PushQueue queue;
    private final ChatRooms rooms;
    private final PushContents contents;
    private final Clock clock;

    public QueueingPushOutbox(PushQueue queue, ChatRooms rooms, PushContents contents, Clock clock) {
        this.queue = queue;
        this.rooms = rooms;
        this.contents = contents;
        this.clock = clock;
    }

    @Override
    public void enqueue(PushNotification notification) {
        var now = clock.instant();
        // read in the caller's transaction, so the count includes the message being sent
        int badge = rooms.unreadTotal(notification.recipient());
        queue.enqueue(notification.recipient(), contents.compose(notification, badge, now), now);
    }
}
