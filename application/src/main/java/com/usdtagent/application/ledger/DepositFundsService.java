package com.usdtagent.application.ledger;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;

public final class DepositFundsService implements DepositFunds {

    private final Ledger ledger;
    private final UserAccounts accounts;
    private final Transactions transactions;
    private final Clock clock;

    public DepositFundsService(Ledger ledger, UserAccounts accounts, Transactions transactions, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public WalletBalance deposit(AuthenticatedUser admin, Command command) {
        if (admin.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin credits deposits");
        }
        if (accounts.findById(command.user()).isEmpty()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such user");
        }
        return transactions.inTransaction(() -> {
            ledger.record(Movement.deposit(command.user(), command.amount(), command.reference()), clock.instant());
            return ledger.balanceOf(command.user());
        });
    }
}
