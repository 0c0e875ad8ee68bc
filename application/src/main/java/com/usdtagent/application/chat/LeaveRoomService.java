package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;

public final class LeaveRoomService implements LeaveRoom {

    private final ChatRooms rooms;
    private final Presence presence;

    public LeaveRoomService(ChatRooms rooms, Presence presence) {
        this.rooms = rooms;
        this.presence = presence;
    }

    @Override
    public void leave(AuthenticatedUser member, SocketId socket, RoomId room) {
        RoomAccess.memberRoom(rooms, room, member.id());
        presence.stopViewing(socket, room);
    }
}
