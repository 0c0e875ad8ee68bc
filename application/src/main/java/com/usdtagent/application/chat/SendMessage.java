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
            if (clientMessageId == null || clientMessageId.isEmpty() || clientMessageId.length() > 64) {
                throw BusinessException.invalidField("clientMessageId", "must be 1 to 64 characters");
            }
            if (!Message.isAcceptableText(text)) {
                throw BusinessException.invalidField("text", "must be 1 to 4000 characters and not blank");
            }
        }
    }
}
