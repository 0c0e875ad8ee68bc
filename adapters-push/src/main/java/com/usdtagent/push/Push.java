package com.usdtagent.push;

import com.usdtagent.application.push.PushOutbox;

/** The push adapters, for the bootstrap to wire. */
public final class Push {

    private Push() {
    }

    /** An outbox that only logs; the FCM one replaces it once credentials can be configured. */
    public static PushOutbox loggingOnly() {
        return new LoggingPushOutbox();
    }
}
