package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

/** Sends {@code reload-chat-list} to members, each with the room as they see it (their own unread count). */
public final class RoomUpdates {

    private final ChatRooms rooms;
    private final RealtimePublisher publisher;

    public RoomUpdates(ChatRooms rooms, RealtimePublisher publisher) {
        this.rooms = rooms;
        this.publisher = publisher;
    }

    public void reload(RoomId room, UserId... members) {
        for (UserId member : members) {
            rooms.summaryFor(room, member).ifPresent(summary -> publisher.roomUpdated(member, summary));
        }
    }
}
