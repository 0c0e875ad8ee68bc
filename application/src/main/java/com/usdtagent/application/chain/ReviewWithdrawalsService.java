package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** An admin's review of the withdrawals above the approval threshold; a rejected one gives the funds back. */
final class ReviewWithdrawalsService implements ReviewWithdrawals {

    private final Withdrawals withdrawals;
    private final Ledger ledger;
    private final WalletNews news;
    private final ChainMetrics metrics;
    private final Transactions transactions;
    private final Clock clock;

    ReviewWithdrawalsService(Withdrawals withdrawals, Ledger ledger, WalletNews news, ChainMetrics metrics,
                             Transactions transactions, Clock clock) {
        this.withdrawals = withdrawals;
        this.ledger = ledger;
        this.news = news;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Withdrawal> list(AuthenticatedUser admin, Optional<WithdrawalStatus> status) {
        requireAdmin(admin);
        return withdrawals.withStatus(status, ListWithdrawals.LIMIT);
    }

    @Override
    public Withdrawal approve(AuthenticatedUser admin, WithdrawalId id) {
        requireAdmin(admin);
        Withdrawal approved = transactions.inTransaction(() -> move(find(id).approve()));
        metrics.withdrawal(approved.status());
        return approved;
    }

    @Override
    public Withdrawal reject(AuthenticatedUser admin, WithdrawalId id) {
        requireAdmin(admin);
        Withdrawal rejected = transactions.inTransaction(() -> {
            Withdrawal moved = move(find(id).reject());
            ledger.record(moved.giveBack(), clock.instant());
            return moved;
        });
        metrics.withdrawal(rejected.status());
        news.announce(rejected.user());
        return rejected;
    }

    private Withdrawal find(WithdrawalId id) {
        return withdrawals.findById(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such withdrawal"));
    }

    /** Stores a reviewed withdrawal; another admin's review that came first leaves it no longer waiting. */
    private Withdrawal move(Withdrawal reviewed) {
        if (!withdrawals.compareAndSet(WithdrawalStatus.PENDING_APPROVAL, reviewed)) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The withdrawal is no longer waiting for approval");
        }
        return reviewed;
    }

    private static void requireAdmin(AuthenticatedUser user) {
        if (user.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin reviews withdrawals");
        }
    }
}
