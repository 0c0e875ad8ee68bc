package com.usdtagent.application.ledger;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;

import java.util.List;
import java.util.Optional;

public final class ShowWalletService implements ShowWallet {

    private final Ledger ledger;

    public ShowWalletService(Ledger ledger) {
        this.ledger = ledger;
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
