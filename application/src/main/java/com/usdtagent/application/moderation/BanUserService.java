package com.usdtagent.application.moderation;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.SessionKeeper;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.trade.SuspendTrading;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;

public final class BanUserService implements BanUser {

    static final int MAX_REASON = 500;

    private final UserAccounts accounts;
    private final SessionKeeper sessions;
    private final SuspendTrading trading;
    private final Clock clock;

    public BanUserService(UserAccounts accounts, SessionKeeper sessions, SuspendTrading trading, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.trading = trading;
        this.clock = clock;
    }

    @Override
    public void ban(AuthenticatedUser admin, UserId user, String reason) {
        Moderators.requireAdmin(admin);
        String stated = reason == null ? "" : reason.strip();
        if (stated.isEmpty() || stated.length() > MAX_REASON) {
            throw BusinessException.invalidField("reason", "must be 1.." + MAX_REASON + " characters");
        }
        UserAccount account = existing(user);
        if (account.role() == Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "An admin is not banned");
        }
        // the account first, so that no refresh or login opens a session after the revocation below
        accounts.setBannedAt(user, clock.instant());
        sessions.revokeAllOf(user, null);
        trading.suspend(user, "The account of " + account.username().value()
                + " was banned; an admin will settle this order.");
    }

    @Override
    public void unban(AuthenticatedUser admin, UserId user) {
        Moderators.requireAdmin(admin);
        existing(user);
        accounts.setBannedAt(user, null);
    }

    private UserAccount existing(UserId user) {
        return accounts.findById(user).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such user"));
    }
}
