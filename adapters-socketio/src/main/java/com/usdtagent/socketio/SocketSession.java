package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;

/** One authenticated socket: who it belongs to and the queue its events run in. */
record SocketSession(SocketIOClient client, AuthenticatedUser user, SerialQueue queue) {

    static String userRoom(UserId user) {
        return "user:" + user;
    }

    /** A room of this one socket, so that an emit can reach it on whichever node it is connected. */
    static String socketRoom(SocketId socket) {
        return "socket:" + socket.value();
    }

    /** The same socket, for the user as the account stands now (its role may have changed since the connect). */
    SocketSession as(AuthenticatedUser current) {
        return new SocketSession(client, current, queue);
    }

    SocketId socketId() {
        return new SocketId(client.getSessionId());
    }
}
