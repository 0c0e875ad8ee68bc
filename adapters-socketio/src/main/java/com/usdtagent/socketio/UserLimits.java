package com.usdtagent.socketio;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;

import java.util.concurrent.CompletionStage;

/**
 * What one user may do over all their sockets and sessions together: a token bucket of events, and a cap on how
 * many sockets they hold at once. In this node's memory, or with Redis shared by every node.
 */
interface UserLimits extends AutoCloseable {

    /**
     * Takes one event from the user's bucket; false when it is empty. Never waits, so an event loop may ask: the
     * answer is complete at once when this node alone can give it.
     */
    CompletionStage<Boolean> tryEvent(UserId user);

    /**
     * Counts the socket in; the user's oldest sockets beyond the cap are disconnected, wherever they are. Never waits,
     * so that a socket is counted on the event loop as it connects.
     */
    void admit(UserId user, SocketId socket);

    /** The socket has gone. */
    void release(UserId user, SocketId socket);

    @Override
    void close();
}
