package com.usdtagent.application.chain;

import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.WithdrawalStatus;

/** Counts what happens on chain for operations. */
public interface ChainMetrics {

    void depositsSeen(int count);

    void depositCredited();

    /** A withdrawal reached {@code status}. */
    void withdrawal(WithdrawalStatus status);

    /** How many blocks the deposit follower is behind the chain's newest. */
    void followerLag(long blocks);

    void hotWalletBalance(Usdt balance);
}
