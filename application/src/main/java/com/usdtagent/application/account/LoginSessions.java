package com.usdtagent.application.account;

import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stored sign-in sessions, and every refresh token hash each was given. Joins the caller's transaction. */
public interface LoginSessions {

    void add(LoginSession session);

    Optional<LoginSession> find(SessionId id);

    /** The sessions of these ids that exist, in no particular order: the checks of a node's sockets, at once. */
    List<LoginSession> findAll(Collection<SessionId> ids);

    /**
     * The session a refresh token with this hash was issued for, whether it is the current one or was used already,
     * with the session's row locked until the transaction ends.
     */
    Optional<LoginSession> lockByRefreshHash(String refreshHash);

    /** Stores the session's last use, revocation and current refresh hash; its earlier hashes keep naming it. */
    void update(LoginSession session);

    /** The user's sessions not revoked (some may have expired), most recently used first. */
    List<LoginSession> unrevokedOf(UserId user);

    /** Deletes the sessions last used before {@code cutoff}, revoked or not, with their refresh hashes. */
    void deleteUsedLastBefore(Instant cutoff);
}
