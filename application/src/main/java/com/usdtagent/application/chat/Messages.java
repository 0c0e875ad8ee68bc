package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The stored messages, one row each; {@link ChatRooms#append} adds them. */
public interface Messages {

    /** The messages whose sender already used these clientMessageIds. */
    Map<ClientMessageKey, Message> findByClientMessageIds(Collection<ClientMessageKey> keys);

    /** Up to {@code limit} messages with {@code seq > after}, oldest first. */
    List<Message> after(RoomId room, long after, int limit);

    /** Up to {@code limit} messages with {@code seq < before}, the newest of them, oldest first. */
    List<Message> before(RoomId room, long before, int limit);

    /** A clientMessageId is unique per sender. */
    record ClientMessageKey(UserId sender, String clientMessageId) {

        public static ClientMessageKey of(Message message) {
            return new ClientMessageKey(message.senderId(), message.clientMessageId());
        }
    }
}
