package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;

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
        long newest = scanned.newestFirst().stream().findFirst().map(ScannedBlock::number).orElse(-1L);
        return deposits.ofUser(caller.id(), LIMIT).stream()
                .map(deposit -> new DepositView(deposit, deposit.confirmationsAt(newest)))
                .toList();
    }
}
