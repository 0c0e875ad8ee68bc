package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;

/** Every message of the room from other members with {@code seq <= upToSeq} is now delivered to / read by {@code userId}. */
public record StatusChange(RoomId roomId, UserId userId, DeliveryStatus status, long upToSeq, Instant at) {
}
