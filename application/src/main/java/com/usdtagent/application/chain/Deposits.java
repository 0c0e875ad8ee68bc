package com.usdtagent.application.chain;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.wallet.Deposit;

import java.time.Instant;
import java.util.List;

/** The deposits seen on chain, each one (transaction hash, log index). Joins the caller's transaction. */
public interface Deposits {

    /**
     * Stores the pending deposits not stored yet; one stored and still pending takes the block given here.
     *
     * @return how many were new
     */
    int addPending(List<Deposit> deposits);

    /** Every pending deposit, lowest block first. */
    List<Deposit> pending();

    /** Forgets the pending deposits in blocks above {@code blockNumber}, which left the chain. */
    void forgetPendingAbove(long blockNumber);

    /** Moves a pending deposit to credited; false when it was not pending any more. */
    boolean markCredited(String txHash, int logIndex, Instant at);

    /** The user's newest {@code limit} deposits, newest first. */
    List<Deposit> ofUser(UserId user, int limit);
}
