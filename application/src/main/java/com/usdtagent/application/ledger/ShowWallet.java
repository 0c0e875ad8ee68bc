package com.usdtagent.application.ledger;

import com.usdtagent.application.account.AuthenticatedUser;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/wallet} and its entries: the caller's own USDT. */
public interface ShowWallet {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    WalletBalance balance(AuthenticatedUser caller);

    List<LedgerEntry> entries(AuthenticatedUser caller, Optional<Long> before, int limit);
}
