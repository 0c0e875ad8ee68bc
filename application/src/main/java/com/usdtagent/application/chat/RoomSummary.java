package com.usdtagent.application.chat;

import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;

/** One line of a member's room list. {@code lastMessage} is null for a room without messages. */
public record RoomSummary(RoomId roomId, Contact opponent, MessageView lastMessage, long unreadCount, Instant updatedAt) {
}
