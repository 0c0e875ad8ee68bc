package com.usdtagent.application.account;

import com.usdtagent.domain.account.LoginSession;

import java.util.List;

public final class ListSessionsService implements ListSessions {

    private final LoginSessions sessions;
    private final SessionKeeper keeper;

    public ListSessionsService(LoginSessions sessions, SessionKeeper keeper) {
        this.sessions = sessions;
        this.keeper = keeper;
    }

    @Override
    public List<LoginSession> list(AuthenticatedUser caller) {
        return sessions.unrevokedOf(caller.id()).stream().filter(keeper::isActive).toList();
    }
}
