package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;

/** Nudges to live sockets: each reaches every connected device of the user, on every node. Sent after commit. */
public interface RealtimePublisher {

    /** {@code chat-room-list} to one socket only. */
    void roomList(SocketId to, RoomPage page);

    void newMessage(UserId to, MessageView message);

    /** {@code reload-chat-list}: the room as {@code to} sees it. */
    void roomUpdated(UserId to, RoomSummary room);

    void messageStatus(UserId to, StatusChange change);

    void presence(UserId to, PresenceChange change);

    void typing(UserId to, TypingNotice notice);
}
