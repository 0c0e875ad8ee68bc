package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.wallet.Withdrawal;

import java.util.List;

/** {@code GET /api/wallet/withdrawals}: the caller's withdrawals, newest first. */
public interface ListWithdrawals {

    int LIMIT = 100;

    List<Withdrawal> withdrawals(AuthenticatedUser caller);
}
