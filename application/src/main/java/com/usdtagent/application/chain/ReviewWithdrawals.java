package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.util.List;
import java.util.Optional;

/** {@code /api/admin/withdrawals}: an admin lets a large withdrawal go, or rejects it and the user gets the USDT back. */
public interface ReviewWithdrawals {

    /** Newest first, at most {@link ListWithdrawals#LIMIT}; every status when {@code status} is empty. */
    List<Withdrawal> list(AuthenticatedUser admin, Optional<WithdrawalStatus> status);

    Withdrawal approve(AuthenticatedUser admin, WithdrawalId id);

    Withdrawal reject(AuthenticatedUser admin, WithdrawalId id);
}
