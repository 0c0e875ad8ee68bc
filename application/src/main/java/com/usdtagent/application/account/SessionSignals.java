package com.usdtagent.application.account;

import com.usdtagent.domain.account.SessionId;

import java.util.Collection;

/** Tells every node that sessions ended, so that their sockets are disconnected wherever they are connected. */
public interface SessionSignals {

    void revoked(Collection<SessionId> sessions);
}
