package com.usdtagent.push;

import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Until FCM is wired: records that a push would be queued, without its content. */
final class LoggingPushOutbox implements PushOutbox {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushOutbox.class);

    @Override
    public void enqueue(PushNotification notification) {
        log.info("push not queued (FCM not configured): {} for user {}",
                notification.getClass().getSimpleName(), notification.recipient());
    }
}
