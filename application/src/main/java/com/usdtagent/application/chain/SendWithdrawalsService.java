package com.usdtagent.application.chain;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pays queued withdrawals out of the hot wallet, on the one node holding the lease. A withdrawal's transfer is signed
 * and stored before it is broadcast, with a nonce no other stored transfer has; from then on only that transfer is
 * ever broadcast, again after a crash and again while no block holds it, so the chain takes it once. A transfer with
 * enough confirmations ends the withdrawal: {@code CONFIRMED} pays the amount out and the fee to the fees account,
 * {@code FAILED} (it reverted) gives both back.
 */
final class SendWithdrawalsService implements SendWithdrawals {

    static final String LEASE = "withdrawal-sender";
    /** At most this many withdrawals a pass; the rest wait for the next. */
    private static final int BATCH = 50;

    private final TokenChain chain;
    private final HotWallet wallet;
    private final Withdrawals withdrawals;
    private final Leases leases;
    private final Ledger ledger;
    private final WalletNews news;
    private final ChainMetrics metrics;
    private final Transactions transactions;
    private final ChainConfig config;
    private final String node;
    private final Clock clock;

    SendWithdrawalsService(TokenChain chain, HotWallet wallet, Withdrawals withdrawals, Leases leases, Ledger ledger,
                           WalletNews news, ChainMetrics metrics, Transactions transactions, ChainConfig config,
                           String node, Clock clock) {
        this.chain = chain;
        this.wallet = wallet;
        this.withdrawals = withdrawals;
        this.leases = leases;
        this.ledger = ledger;
        this.news = news;
        this.metrics = metrics;
        this.transactions = transactions;
        this.config = config;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void send() {
        if (!leases.hold(LEASE, node, clock.instant(), config.leaseTime())) {
            return;
        }
        metrics.hotWalletBalance(wallet.balance());
        long latest = chain.latestBlock();
        // in nonce order: a failure ends the pass, as no later nonce is mined before it
        for (Withdrawals.Outgoing outgoing : withdrawals.unfinished(BATCH)) {
            Withdrawal withdrawal = outgoing.withdrawal();
            if (withdrawal.status() == WithdrawalStatus.QUEUED) {
                outgoing.signed().or(() -> sign(withdrawal)).ifPresent(signed -> broadcast(withdrawal, signed));
            } else {
                settle(withdrawal, outgoing.signed().orElseThrow(), latest);
            }
        }
    }

    /** Signs with the next nonce and stores the transfer; empty when another node stored one first. */
    private Optional<SignedTransfer> sign(Withdrawal withdrawal) {
        long stored = withdrawals.highestNonce(wallet.address()).orElse(-1);
        long nonce = Math.max(wallet.nextNonce(), stored + 1);
        SignedTransfer signed = wallet.sign(withdrawal.address(), withdrawal.amount(), nonce);
        return withdrawals.attachSigned(withdrawal.id(), wallet.address(), signed) ? Optional.of(signed) : Optional.empty();
    }

    private void broadcast(Withdrawal withdrawal, SignedTransfer signed) {
        chain.broadcast(signed);
        if (withdrawals.compareAndSet(WithdrawalStatus.QUEUED, withdrawal.sent(signed.txHash(), clock.instant()))) {
            metrics.withdrawal(WithdrawalStatus.SENT);
        }
    }

    /** Ends a sent withdrawal once its transfer has enough confirmations; broadcasts it again while no block has it. */
    private void settle(Withdrawal withdrawal, SignedTransfer signed, long latest) {
        Optional<TransferReceipt> receipt = chain.receipt(signed.txHash());
        if (receipt.isEmpty()) {
            chain.broadcast(signed);
            return;
        }
        if (latest - receipt.get().blockNumber() + 1 < config.confirmations()) {
            return;
        }
        boolean succeeded = receipt.get().succeeded();
        Instant now = clock.instant();
        Withdrawal ended = succeeded ? withdrawal.confirmed(now) : withdrawal.failed();
        Movement movement = succeeded ? withdrawal.payOut() : withdrawal.giveBack();
        boolean moved = transactions.inTransaction(() -> {
            if (!withdrawals.compareAndSet(WithdrawalStatus.SENT, ended)) {
                return false;
            }
            ledger.record(movement, now);
            return true;
        });
        if (moved) {
            metrics.withdrawal(ended.status());
            news.announce(withdrawal.user());
        }
    }
}
