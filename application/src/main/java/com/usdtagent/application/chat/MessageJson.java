package com.usdtagent.application.chat;

import com.usdtagent.application.attachment.AttachmentJson;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.domain.chat.Message;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contract's {@code Message}, as the socket protocol's events and acks and the HTTP API's appeal conversation
 * both send it: each component is one JSON field.
 *
 * @param meta   null when the message carries none
 * @param status      the ticks its recipient gave it: {@code sent}, {@code delivered} or {@code read}
 * @param attachments its files with links signed for this payload; empty for a message without
 */
public record MessageJson(String id, String roomId, long seq, String senderId, String type, String text,
                          String clientMessageId, Map<String, Object> meta, Instant createdAt, String status,
                          List<AttachmentJson> attachments) {

    public static MessageJson of(MessageView view, AttachmentLinks links) {
        Message message = view.message();
        return new MessageJson(message.id().toString(), message.roomId().toString(), message.seq(),
                message.senderId().toString(), lower(message.type()), message.text(), message.clientMessageId(),
                message.meta().isEmpty() ? null : message.meta(), message.createdAt(), lower(view.status()),
                links.linked(message.attachments()));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
