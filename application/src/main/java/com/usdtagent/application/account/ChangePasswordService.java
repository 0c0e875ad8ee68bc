package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class ChangePasswordService implements ChangePassword {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final SessionKeeper keeper;
    private final CommonPasswords commonPasswords;

    public ChangePasswordService(UserAccounts accounts, PasswordHasher hasher, SessionKeeper keeper,
                                 CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
        this.accounts = accounts;
        this.hasher = hasher;
        this.keeper = keeper;
    }

    @Override
    public void change(AuthenticatedUser caller, String currentPassword, String newPassword) {
        UserAccount account = accounts.findById(caller.id())
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
        Passwords.problem(newPassword, account.username().value(), commonPasswords).ifPresent(why -> {
            throw BusinessException.invalidField("newPassword", why);
        });
        if (!hasher.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            throw BusinessException.invalidField("currentPassword", "is not the account's password");
        }
        accounts.changePasswordHash(account.id(), hasher.hash(newPassword));
        keeper.revokeAllOf(account.id(), caller.session());
    }
}
