package com.usdtagent.application.chat;

import java.util.List;

/**
 * A page of a room's history, {@code { roomId, messages, hasMore }}, as the socket protocol's {@code chat-history}
 * ack and the HTTP API's appeal conversation both send it.
 */
public record HistoryJson(String roomId, List<MessageJson> messages, boolean hasMore) {

    public static HistoryJson of(HistoryPage page) {
        return new HistoryJson(page.roomId().toString(), page.messages().stream().map(MessageJson::of).toList(),
                page.hasMore());
    }
}
