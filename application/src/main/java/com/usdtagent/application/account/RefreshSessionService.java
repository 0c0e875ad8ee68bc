package com.usdtagent.application.account;

import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.List;

public final class RefreshSessionService implements RefreshSession {

    /** What a refresh came to inside its transaction: new tokens, or a session revoked for a reused token. */
    private record Outcome(SessionTokens tokens, LoginSession revoked) {
    }

    private final LoginSessions sessions;
    private final UserAccounts accounts;
    private final SessionKeeper keeper;
    private final Transactions transactions;

    public RefreshSessionService(LoginSessions sessions, UserAccounts accounts, SessionKeeper keeper,
                                 Transactions transactions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.keeper = keeper;
        this.transactions = transactions;
    }

    @Override
    public SessionTokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw BusinessException.invalidField("refreshToken", "is required");
        }
        String hash = SessionKeeper.hash(refreshToken);
        Outcome outcome = transactions.inTransaction(() -> {
            LoginSession session = sessions.lockByRefreshHash(hash).orElseThrow(SessionEnded::new);
            Instant now = keeper.now();
            if (!session.refreshHash().equals(hash)) {
                LoginSession revoked = session.revoked(now);
                sessions.update(revoked);
                return new Outcome(null, revoked);
            }
            UserAccount account = accounts.findById(session.user()).filter(found -> !found.banned())
                    .filter(found -> keeper.isActive(session)).orElseThrow(SessionEnded::new);
            String next = keeper.newRefreshToken();
            sessions.update(session.refreshed(SessionKeeper.hash(next), now));
            return new Outcome(keeper.tokens(account, session.id(), next), null);
        });
        if (outcome.revoked() != null) {
            // after the commit, so that the sockets go only once the session is ended for good
            keeper.forget(List.of(outcome.revoked().id()));
            throw new BusinessException(ErrorCode.UNAUTHORIZED,
                    "This refresh token was used already; the session is ended, sign in again");
        }
        return outcome.tokens();
    }

    private static final class SessionEnded extends BusinessException {
        SessionEnded() {
            super(ErrorCode.UNAUTHORIZED, "The refresh token is invalid or its session has ended");
        }
    }
}
