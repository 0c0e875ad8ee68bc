package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;

import java.util.HashSet;
import java.util.List;

/**
 * A member posts a text, with files they uploaded to the room; returns once it is stored. Sending the same
 * {@code clientMessageId} again to the same room returns the stored message and changes nothing; using it in another
 * room is {@code INVALID_STATE}. A file is sent once, by its uploader, in its room ({@code FORBIDDEN} /
 * {@code INVALID_STATE} otherwise).
 */
public interface SendMessage {

    MessageView send(AuthenticatedUser sender, Command command);

    /** @param text may be empty when the message has attachments */
    record Command(RoomId roomId, String clientMessageId, String text, List<AttachmentId> attachmentIds) {
        public Command {
            attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
            text = text == null && !attachmentIds.isEmpty() ? "" : text;
            if (!Message.isAcceptableClientMessageId(clientMessageId)) {
                throw BusinessException.invalidField("clientMessageId",
                        "must be 1 to " + Message.MAX_CLIENT_MESSAGE_ID_LENGTH + " characters");
            }
            if (attachmentIds.size() > Attachment.MAX_PER_MESSAGE || new HashSet<>(attachmentIds).size() < attachmentIds.size()) {
                throw BusinessException.invalidField("attachmentIds",
                        "must name at most " + Attachment.MAX_PER_MESSAGE + " different attachments");
            }
            if (!Message.isAcceptableContent(text, attachmentIds.size())) {
                throw BusinessException.invalidField("text", "must be 1 to " + Message.MAX_TEXT_LENGTH
                        + " characters and not blank, or up to " + Message.MAX_TEXT_LENGTH + " with attachments");
            }
        }

        /** A message of text only. */
        public Command(RoomId roomId, String clientMessageId, String text) {
            this(roomId, clientMessageId, text, List.of());
        }
    }
}
