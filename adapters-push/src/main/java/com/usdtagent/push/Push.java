package com.usdtagent.push;

import com.usdtagent.application.chat.PushNotifier;

/** The push adapters, for the bootstrap to wire. */
public final class Push {

    private Push() {
    }

    /** A notifier that only logs; the FCM one replaces it once credentials can be configured. */
    public static PushNotifier loggingOnly() {
        return new LoggingPushNotifier();
    }
}
