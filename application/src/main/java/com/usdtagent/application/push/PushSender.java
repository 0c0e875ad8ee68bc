package com.usdtagent.application.push;

import java.util.List;

/** Delivers pushes to the devices' push service. */
public interface PushSender extends AutoCloseable {

    /** Sends each push and says how it went, in the order given; never throws for a push that failed. */
    List<PushOutcome> send(List<QueuedPush> pushes);

    @Override
    void close();
}
