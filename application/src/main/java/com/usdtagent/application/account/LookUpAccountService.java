package com.usdtagent.application.account;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.util.Optional;

public final class LookUpAccountService implements LookUpAccount {

    private final UserAccounts accounts;

    public LookUpAccountService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<PublicProfile> byUsername(AuthenticatedUser admin, String username) {
        if (admin.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin looks accounts up");
        }
        if (!Username.isValid(username)) {
            throw BusinessException.invalidField("username", "must be 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
        return accounts.findByUsername(new Username(username)).map(UserAccount::publicProfile);
    }
}
