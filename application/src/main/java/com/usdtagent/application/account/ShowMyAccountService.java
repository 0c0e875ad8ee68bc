package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

public final class ShowMyAccountService implements ShowMyAccount {

    private final UserAccounts accounts;

    public ShowMyAccountService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserAccount show(AuthenticatedUser caller) {
        // a valid token for an account that no longer exists is no longer a way in
        return accounts.findById(caller.id())
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
    }
}
