package com.usdtagent.application.ledger;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Deposits and the wallet views, all plain reads and writes of the ledger. */
public final class WalletService implements DepositFunds, ShowWallet {

    private final Ledger ledger;
    private final UserAccounts accounts;
    private final Transactions transactions;
    private final Clock clock;

    public WalletService(Ledger ledger, UserAccounts accounts, Transactions transactions, Clock clock) {
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

    @Override
    public WalletBalance balance(AuthenticatedUser caller) {
        return ledger.balanceOf(caller.id());
    }

    @Override
    public List<LedgerEntry> entries(AuthenticatedUser caller, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BusinessException.invalidField("limit", "must be 1.." + MAX_LIMIT);
        }
        return ledger.entriesOf(caller.id(), before, limit);
    }
}
