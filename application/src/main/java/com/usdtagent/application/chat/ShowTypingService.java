package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;

public final class ShowTypingService implements ShowTyping {

    private final ChatRooms rooms;
    private final RealtimePublisher publisher;

    public ShowTypingService(ChatRooms rooms, RealtimePublisher publisher) {
        this.rooms = rooms;
        this.publisher = publisher;
    }

    @Override
    public void show(AuthenticatedUser member, RoomId roomId, boolean typing) {
        ChatRoom room = RoomAccess.memberRoom(rooms, roomId, member.id());
        publisher.typing(room.opponentOf(member.id()), new TypingNotice(roomId, member.id(), typing));
    }
}
