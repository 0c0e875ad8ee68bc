package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.util.List;
import java.util.Optional;

/** Without a chain to follow, every deposit and withdrawal route is refused, the same way. */
public final class ChainFeaturesOff implements ShowDepositAddress, ListDeposits, RequestWithdrawal, ListWithdrawals,
        ReviewWithdrawals {

    private static BusinessException off() {
        return new BusinessException(ErrorCode.INVALID_STATE,
                "On-chain deposits and withdrawals are not configured on this server");
    }

    @Override
    public AddressView depositAddress(AuthenticatedUser caller) {
        throw off();
    }

    @Override
    public List<DepositView> deposits(AuthenticatedUser caller) {
        throw off();
    }

    @Override
    public Withdrawal request(AuthenticatedUser caller, Command command) {
        throw off();
    }

    @Override
    public List<Withdrawal> withdrawals(AuthenticatedUser caller) {
        throw off();
    }

    @Override
    public List<Withdrawal> list(AuthenticatedUser admin, Optional<WithdrawalStatus> status) {
        throw off();
    }

    @Override
    public Withdrawal approve(AuthenticatedUser admin, WithdrawalId id) {
        throw off();
    }

    @Override
    public Withdrawal reject(AuthenticatedUser admin, WithdrawalId id) {
        throw off();
    }
}
