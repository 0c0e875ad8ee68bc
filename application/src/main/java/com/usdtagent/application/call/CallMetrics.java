package com.usdtagent.application.call;

import com.usdtagent.domain.call.CallSession;

/** Counts calls for operations: started, answered, missed, and how long the answered ones lasted. */
public interface CallMetrics {

    void started();

    void answered();

    void finished(CallSession call);
}
