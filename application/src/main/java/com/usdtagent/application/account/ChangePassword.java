package com.usdtagent.application.account;

/**
 * {@code POST /api/me/password}: with the current password, sets a new one under the rules of registration and
 * ends every other session of the caller.
 */
public interface ChangePassword {

    void change(AuthenticatedUser caller, String currentPassword, String newPassword);
}
