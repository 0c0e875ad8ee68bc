package com.usdtagent.application.ledger;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.Movement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The double-entry ledger. Joins the caller's transaction, so a movement commits or rolls back with its cause. */
public interface Ledger {

    /**
     * Writes the movement's entries and moves the balances with them.
     *
     * @return false, writing nothing, when a movement with the same reference was recorded before
     * @throws com.usdtagent.domain.shared.BusinessException {@code INSUFFICIENT_FUNDS} when a user's balance would go
     *                                                       negative; the caller's transaction must then roll back
     */
    boolean record(Movement movement, Instant at);

    WalletBalance balanceOf(UserId user);

    /** Up to {@code limit} of the user's entries with an id below {@code before}, newest first. */
    List<LedgerEntry> entriesOf(UserId user, Optional<Long> before, int limit);
}
