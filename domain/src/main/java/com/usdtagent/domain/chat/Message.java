package com.usdtagent.domain.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.shared.Text;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored message. {@code seq} numbers the messages of a room 1, 2, 3... with no gaps; its status is not
 * stored here but read off the recipient's {@link ReadPointers}.
 *
 * @param clientMessageId the sender's own id for the message, which makes a resend harmless; null for system messages
 * @param meta            details of system and call messages (such as an order's id and status); empty for text
 * @param attachments     the files sent with a text message, in the order the sender gave them
 */
public record Message(MessageId id, RoomId roomId, long seq, UserId senderId, MessageType type, String text,
                      String clientMessageId, Map<String, Object> meta, Instant createdAt,
                      List<Attachment> attachments) {

    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_CLIENT_MESSAGE_ID_LENGTH = 64;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public Message(MessageId id, RoomId roomId, long seq, UserId senderId, MessageType type, String text,
                   String clientMessageId, Map<String, Object> meta, Instant createdAt) {
        this(id, roomId, seq, senderId, type, text, clientMessageId, meta, createdAt, List.of());
    }

    public static boolean isAcceptableText(String text) {
        return !Text.isBlank(text) && text.length() <= MAX_TEXT_LENGTH;
    }

    /** A message says something, or shows something: with attachments its text may be empty. */
    public static boolean isAcceptableContent(String text, int attachments) {
        if (attachments == 0) {
            return isAcceptableText(text);
        }
        return attachments <= Attachment.MAX_PER_MESSAGE && text != null && text.length() <= MAX_TEXT_LENGTH;
    }

    public static boolean isAcceptableClientMessageId(String clientMessageId) {
        return clientMessageId != null && !clientMessageId.isEmpty()
                && clientMessageId.length() <= MAX_CLIENT_MESSAGE_ID_LENGTH;
    }
}
