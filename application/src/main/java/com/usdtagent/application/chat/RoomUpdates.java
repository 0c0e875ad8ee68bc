package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;

import java.util.Map;

/** Sends {@code reload-chat-list} to members, each with the room as they see it (their own unread count). */
public final class RoomUpdates {

    private final ChatRooms rooms;
    private final RealtimePublisher publisher;

    public RoomUpdates(ChatRooms rooms, RealtimePublisher publisher) {
        this.rooms = rooms;
        this.publisher = publisher;
    }

    /** Reads each member's line of the room list as stored now. */
    public void reload(RoomId room, UserId... members) {
        for (UserId member : members) {
            rooms.summaryFor(room, member).ifPresent(summary -> publisher.roomUpdated(member, summary));
        }
    }

    /**
     * After an append, each member's line of the room list from what the append knew (the locked room and the
     * pointers it stored), without reading the room again: the message is its newest and its last activity.
     */
    public void appended(LockedRoom locked, MessageView newest, Map<UserId, ReadPointers> pointers) {
        long seq = newest.message().seq();
        pointers.forEach((member, theirs) -> {
            Contact opponent = locked.sideOf(locked.room().opponentOf(member)).member();
            publisher.roomUpdated(member, new RoomSummary(locked.room().id(), opponent, newest, theirs.unreadOf(seq),
                    newest.message().createdAt()));
        });
    }
}
