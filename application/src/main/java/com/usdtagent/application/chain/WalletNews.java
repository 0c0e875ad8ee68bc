package com.usdtagent.application.chain;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.domain.account.UserId;

/** Tells a user's live sockets their balance after a committed change; a failure only costs the live update. */
final class WalletNews {

    private static final System.Logger log = System.getLogger(WalletNews.class.getName());

    private final Ledger ledger;
    private final WalletSignals signals;

    WalletNews(Ledger ledger, WalletSignals signals) {
        this.ledger = ledger;
        this.signals = signals;
    }

    void announce(UserId user) {
        try {
            signals.walletUpdated(user, ledger.balanceOf(user));
        } catch (RuntimeException failure) {
            log.log(System.Logger.Level.WARNING, "announcing the wallet of " + user + " failed", failure);
        }
    }
}
