package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.wallet.Deposit;

import java.util.List;

/** {@code GET /api/wallet/deposits}: the caller's deposits seen on chain, newest first. */
public interface ListDeposits {

    int LIMIT = 100;

    /** @param confirmations counted up to the newest block the server has read */
    record DepositView(Deposit deposit, long confirmations) {
    }

    List<DepositView> deposits(AuthenticatedUser caller);
}
