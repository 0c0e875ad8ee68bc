package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.wallet.Deposit;

import java.util.List;

/** The deposits seen to the caller's address, with confirmations up to the newest block the follower read. */
final class ListDepositsService implements ListDeposits {

    private final Deposits deposits;
    private final ScannedBlocks scanned;

    ListDepositsService(Deposits deposits, ScannedBlocks scanned) {
        this.deposits = deposits;
        this.scanned = scanned;
    }

    @Override
    public List<DepositView> deposits(AuthenticatedUser caller) {
        // the deposits first: the follower stores them with its place in one commit, so the place read after them
        // is at least every listed deposit's block, and none shows 0 confirmations
        List<Deposit> seen = deposits.ofUser(caller.id(), LIMIT);
        long newest = scanned.newestFirst().stream().findFirst().map(ScannedBlock::number).orElse(-1L);
        return seen.stream().map(deposit -> new DepositView(deposit, deposit.confirmationsAt(newest))).toList();
    }
}
