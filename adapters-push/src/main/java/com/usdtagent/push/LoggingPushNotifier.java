package com.usdtagent.push;

import com.usdtagent.application.chat.PushNotifier;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Until FCM is wired: records that a push would go out, without the message text. Never throws. */
final class LoggingPushNotifier implements PushNotifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushNotifier.class);

    @Override
    public void newMessage(UserId recipient, PublicProfile sender, Message message) {
        log.info("push (not sent, FCM not configured): message {} in room {} for user {}",
                message.id(), message.roomId(), recipient);
    }
}
