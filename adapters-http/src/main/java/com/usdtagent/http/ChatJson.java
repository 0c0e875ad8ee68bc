package com.usdtagent.http;

import com.usdtagent.application.chat.HistoryPage;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.domain.chat.Message;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The socket protocol's {@code Message} and history page, for the HTTP routes that serve messages. */
final class ChatJson {

    private ChatJson() {
    }

    record MessageJson(String id, String roomId, long seq, String senderId, String type, String text,
                       String clientMessageId, Map<String, Object> meta, Instant createdAt, String status) {
        static MessageJson of(MessageView view) {
            Message message = view.message();
            return new MessageJson(message.id().toString(), message.roomId().toString(), message.seq(),
                    message.senderId().toString(), lower(message.type()), message.text(), message.clientMessageId(),
                    message.meta().isEmpty() ? null : message.meta(), message.createdAt(), lower(view.status()));
        }
    }

    record HistoryJson(String roomId, List<MessageJson> messages, boolean hasMore) {
        static HistoryJson of(HistoryPage page) {
            return new HistoryJson(page.roomId().toString(), page.messages().stream().map(MessageJson::of).toList(),
                    page.hasMore());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
