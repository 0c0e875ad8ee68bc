package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;

import java.util.List;
import java.util.Optional;

/** The stored messages, one row each; {@link ChatRooms#append} adds them. */
public interface Messages {

    Optional<Message> findByClientMessageId(UserId sender, String clientMessageId);

    /** Up to {@code limit} messages with {@code seq > after}, oldest first. */
    List<Message> after(RoomId room, long after, int limit);

    /** Up to {@code limit} messages with {@code seq < before}, the newest of them, oldest first. */
    List<Message> before(RoomId room, long before, int limit);
}
