package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;

/**
 * A member opens a room: a page of its messages, the room marked read (the other member sees the blue tick),
 * and the socket counted as viewing it.
 */
public interface OpenChatHistory {

    HistoryPage open(AuthenticatedUser member, SocketId socket, Query query);

    /** Without a cursor: the newest page. {@code before}: the page just older. {@code after}: what came since. */
    record Query(RoomId roomId, Long before, Long after, int limit) {
        public Query {
            if (before != null && after != null) {
                throw BusinessException.invalidField("before", "cannot be combined with after");
            }
        }
    }
}
