package com.usdtagent.application.account;

import java.time.Clock;
import java.time.Duration;

public final class PurgeSessionsService implements PurgeSessions {

    private final LoginSessions sessions;
    private final Duration timeToLive;
    private final Clock clock;

    /** @param timeToLive how long a session lasts without a refresh; ended ones are kept as long, then deleted */
    public PurgeSessionsService(LoginSessions sessions, Duration timeToLive, Clock clock) {
        this.sessions = sessions;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public void purge() {
        // expired by now, and a revoked one is never used again: its refresh tokens are kept until then for nothing
        sessions.deleteUsedLastBefore(clock.instant().minus(timeToLive));
    }
}
