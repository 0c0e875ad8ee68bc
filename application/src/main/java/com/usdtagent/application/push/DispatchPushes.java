package com.usdtagent.application.push;

/** Sends what is due in the push outbox; run on a schedule, never on the chat path. */
public interface DispatchPushes {

    Report dispatch();

    /** What one run did, for the metrics. */
    record Report(int sent, int failed, int retried, int tokensPruned) {
    }
}
