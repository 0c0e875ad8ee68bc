package com.usdtagent.application.account;

import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class EndSessionService implements EndSession {

    private final LoginSessions sessions;
    private final SessionKeeper keeper;

    public EndSessionService(LoginSessions sessions, SessionKeeper keeper) {
        this.sessions = sessions;
        this.keeper = keeper;
    }

    @Override
    public void end(AuthenticatedUser caller, SessionId session) {
        keeper.revoke(sessions.find(session).filter(found -> found.user().equals(caller.id()))
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such session")));
    }
}
