package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;

/**
 * A member posts a text; returns once it is stored. Sending the same {@code clientMessageId} again to the same room
 * returns the stored message and changes nothing; using it in another room is {@code INVALID_STATE}.
 */
public interface SendMessage {

    MessageView send(AuthenticatedUser sender, Command command);

    record Command(RoomId roomId, String clientMessageId, String text) {
        public Command {
            if (!Message.isAcceptableClientMessageId(clientMessageId)) {
                throw BusinessException.invalidField("clientMessageId",
                        "must be 1 to " + Message.MAX_CLIENT_MESSAGE_ID_LENGTH + " characters");
            }
            if (!Message.isAcceptableText(text)) {
                throw BusinessException.invalidField("text",
                        "must be 1 to " + Message.MAX_TEXT_LENGTH + " characters and not blank");
            }
        }
    }
}
