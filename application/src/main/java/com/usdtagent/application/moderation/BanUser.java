package com.usdtagent.application.moderation;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.UserId;

/**
 * {@code POST /api/admin/users/{id}/ban} and {@code .../unban}. A ban revokes every session of the account (its
 * sockets are disconnected), refuses its logins with {@code FORBIDDEN}, pauses its offers and refers its open orders
 * to the admins. Unbanning lets the account sign in again; its offers stay paused until its agent resumes them.
 */
public interface BanUser {

    void ban(AuthenticatedUser admin, UserId user, String reason);

    void unban(AuthenticatedUser admin, UserId user);
}
