package com.usdtagent.application.account;

public final class CheckSessionService implements CheckSession {

    private final SessionKeeper sessions;

    public CheckSessionService(SessionKeeper sessions) {
        this.sessions = sessions;
    }

    @Override
    public AuthenticatedUser check(AuthenticatedUser caller) {
        return sessions.check(caller);
    }
}
