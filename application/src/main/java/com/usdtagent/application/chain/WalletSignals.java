package com.usdtagent.application.chain;

import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.UserId;

/** Nudges live sockets about a wallet whose balance changed; sent after the commit. */
public interface WalletSignals {

    /** {@code wallet-updated} to every device of {@code to}. */
    void walletUpdated(UserId to, WalletBalance balance);
}
