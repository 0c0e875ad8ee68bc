package com.usdtagent.application.account;

/**
 * Before each socket event: the caller's session and account must still be active (checked at most every
 * {@link SessionKeeper#CHECKED_FOR}); the answer carries the account's current role. Refuses with
 * {@code UNAUTHORIZED} otherwise.
 */
public interface CheckSession {

    AuthenticatedUser check(AuthenticatedUser caller);
}
