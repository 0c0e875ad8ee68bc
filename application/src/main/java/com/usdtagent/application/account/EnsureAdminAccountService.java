package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import com.usdtagent.application.shared.Transactions;

import java.time.Clock;

public final class EnsureAdminAccountService implements EnsureAdminAccount {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;

    public EnsureAdminAccountService(UserAccounts accounts, PasswordHasher hasher, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean ensure(String username, String password) {
        Username name = new Username(username);
        Passwords.requireAcceptable(password, "password");
        try {
            return transactions.inTransaction(() -> {
                if (accounts.findByUsername(name).isPresent()) {
                    return false;
                }
                accounts.add(new UserAccount(UserId.newId(), name, null, hasher.hash(password), Role.ADMIN, clock.instant()));
                return true;
            });
        } catch (BusinessException taken) {
            // nodes of a cluster start together: another one may have created it between our look and our insert
            if (taken.code() == ErrorCode.CONFLICT && accounts.findByUsername(name).isPresent()) {
                return false;
            }
            throw taken;
        }
    }
}
