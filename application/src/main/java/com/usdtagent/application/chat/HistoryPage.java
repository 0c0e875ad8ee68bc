package com.usdtagent.application.chat;

import com.usdtagent.domain.chat.RoomId;

import java.util.List;

/** Messages oldest first; {@code hasMore} says whether more lie beyond the page in the direction asked. */
public record HistoryPage(RoomId roomId, List<MessageView> messages, boolean hasMore) {
}
