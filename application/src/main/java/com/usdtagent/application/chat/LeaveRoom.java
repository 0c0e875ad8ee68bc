package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;

/** The socket stops viewing the room; new messages there count as unread again. */
public interface LeaveRoom {

    void leave(AuthenticatedUser member, SocketId socket, RoomId room);
}
