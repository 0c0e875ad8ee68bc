package com.usdtagent.application.chat;

import com.usdtagent.application.attachment.AttachmentLinks;

import java.util.List;

/**
 * A page of a room's history, {@code { roomId, messages, hasMore }}, as the socket protocol's {@code chat-history}
 * ack and the HTTP API's appeal conversation both send it.
 */
public record HistoryJson(String roomId, List<MessageJson> messages, boolean hasMore) {

    public static HistoryJson of(HistoryPage page, AttachmentLinks links) {
        return new HistoryJson(page.roomId().toString(),
                page.messages().stream().map(message -> MessageJson.of(message, links)).toList(), page.hasMore());
    }
}
