package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

/** Sends {@code reload-chat-list} to members, each with the room as they see it (their own unread count). */
final class RoomUpdates {

    private final RoomList rooms;
    private final RealtimePublisher publisher;

    RoomUpdates(RoomList rooms, RealtimePublisher publisher) {
        this.rooms = rooms;
        this.publisher = publisher;
    }

    /** Reads each member's line of the room list as stored now. */
    void reload(RoomId room, UserId... members) {
        for (UserId member : members) {
            rooms.summaryFor(room, member).ifPresent(summary -> publisher.roomUpdated(member, summary));
        }
    }
}
