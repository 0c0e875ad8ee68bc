package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.wallet.Withdrawal;

import java.util.List;

/** The caller's own withdrawals. */
final class ListWithdrawalsService implements ListWithdrawals {

    private final Withdrawals withdrawals;

    ListWithdrawalsService(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Override
    public List<Withdrawal> withdrawals(AuthenticatedUser caller) {
        return withdrawals.ofUser(caller.id(), LIMIT);
    }
}
