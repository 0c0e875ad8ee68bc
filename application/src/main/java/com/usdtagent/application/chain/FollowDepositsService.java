package com.usdtagent.application.chain;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.DepositStatus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Follows the token's transfers to the deposit addresses. Each pass, on the one node holding the lease: checks that
 * the block it stopped at is still on the chain (else goes back to the newest one that is, forgetting the pending
 * deposits above it), reads the next blocks, and credits each pending deposit that has enough confirmations and
 * whose block is still on the chain, exactly once: the deposit's status moves in the ledger movement's transaction.
 */
final class FollowDepositsService implements FollowDeposits {

    static final String LEASE = "deposit-follower";
    /** At most this many blocks a read: public JSON-RPC nodes refuse larger log queries. */
    static final int BLOCKS_PER_READ = 1000;
    /** The ledger holds less than 10^24 USDT in one amount; a transfer this large is nobody's real deposit. */
    private static final BigInteger TOO_MANY_UNITS = BigInteger.TEN.pow(24 + Usdt.SCALE);
    private static final System.Logger log = System.getLogger(FollowDepositsService.class.getName());

    private final TokenChain chain;
    private final DepositAddresses addresses;
    private final Deposits deposits;
    private final ScannedBlocks scanned;
    private final Leases leases;
    private final Ledger ledger;
    private final PushOutbox push;
    private final WalletNews news;
    private final ChainMetrics metrics;
    private final Transactions transactions;
    private final ChainConfig config;
    private final String node;
    private final Clock clock;

    FollowDepositsService(TokenChain chain, DepositAddresses addresses, Deposits deposits, ScannedBlocks scanned,
                          Leases leases, Ledger ledger, PushOutbox push, WalletNews news, ChainMetrics metrics,
                          Transactions transactions, ChainConfig config, String node, Clock clock) {
        this.chain = chain;
        this.addresses = addresses;
        this.deposits = deposits;
        this.scanned = scanned;
        this.leases = leases;
        this.ledger = ledger;
        this.push = push;
        this.news = news;
        this.metrics = metrics;
        this.transactions = transactions;
        this.config = config;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void follow() {
        if (!leases.hold(LEASE, node, clock.instant(), config.leaseTime())) {
            return;
        }
        long latest = chain.latestBlock();
        long from = resumeFrom(latest);
        long readTo = from > latest ? from - 1 : read(from, Math.min(latest, from + BLOCKS_PER_READ - 1));
        metrics.followerLag(latest - readTo);
        credit(readTo);
    }

    /** The first block to read: after the newest recorded block that is still on the chain. */
    private long resumeFrom(long latest) {
        List<ScannedBlock> recorded = scanned.newestFirst();
        if (recorded.isEmpty()) {
            return config.startBlock().orElse(latest);
        }
        for (ScannedBlock block : recorded) {
            if (isOnChain(block.number(), block.hash())) {
                if (block != recorded.getFirst()) {
                    rewindTo(block.number());
                }
                return block.number() + 1;
            }
        }
        // deeper than the records reach: a confirmation count further back covers any reorganisation that matters
        long back = Math.max(0, recorded.getLast().number() - config.confirmations());
        rewindTo(back);
        return back + 1;
    }

    /** Reads {@code from..to}, stores the deposits found as pending and records {@code to} as read. */
    private long read(long from, long to) {
        // the hash before the logs: if the chain changes in between, the next pass finds the hash gone and reads again
        String hash = chain.blockHash(to).orElseThrow(() -> new IllegalStateException("block " + to + " is gone"));
        Map<String, UserId> owners = addresses.owners();
        List<TokenTransfer> transfers = owners.isEmpty() ? List.of() : chain.transfersTo(owners.keySet(), from, to);
        Instant now = clock.instant();
        List<Deposit> found = transfers.stream()
                .filter(transfer -> owners.containsKey(transfer.to()) && holdable(transfer))
                .map(transfer -> new Deposit(transfer.txHash(), transfer.logIndex(), owners.get(transfer.to()),
                        transfer.to(), new Usdt(new BigDecimal(transfer.units(), Usdt.SCALE)), transfer.blockNumber(),
                        transfer.blockHash(), DepositStatus.PENDING, now, null))
                .toList();
        int added = transactions.inTransaction(() -> {
            int stored = deposits.addPending(found);
            scanned.add(new ScannedBlock(to, hash), keepFrom(to));
            return stored;
        });
        metrics.depositsSeen(added);
        return to;
    }

    private static boolean holdable(TokenTransfer transfer) {
        if (transfer.units().signum() > 0 && transfer.units().compareTo(TOO_MANY_UNITS) < 0) {
            return true;
        }
        log.log(System.Logger.Level.WARNING, "ignored transfer " + transfer.txHash() + ":" + transfer.logIndex()
                + " of " + transfer.units() + " units");
        return false;
    }

    /** Credits the pending deposits with enough confirmations up to {@code readTo}, each in its own transaction. */
    private void credit(long readTo) {
        for (Deposit deposit : deposits.pending()) {
            if (deposit.confirmationsAt(readTo) < config.confirmations()) {
                return; // lowest block first: the rest have fewer
            }
            if (!isOnChain(deposit.blockNumber(), deposit.blockHash())) {
                rewindTo(deposit.blockNumber() - 1);
                return;
            }
            Instant now = clock.instant();
            boolean credited = transactions.inTransaction(() -> {
                if (!deposits.markCredited(deposit.txHash(), deposit.logIndex(), now)) {
                    return false;
                }
                if (!ledger.record(deposit.credit(), now)) {
                    throw new IllegalStateException("the ledger has a movement " + deposit.credit().reference() + " already");
                }
                push.enqueue(new PushNotification.DepositCredited(deposit.user(), deposit.txHash(), deposit.amount().wire()));
                return true;
            });
            if (credited) {
                metrics.depositCredited();
                news.announce(deposit.user());
            }
        }
    }

    /** Forgets what was read above {@code number}, whose blocks left the chain, so that they are read again. */
    private void rewindTo(long number) {
        // a chain now shorter than that: the next pass finds where it ends among the recorded blocks
        String hash = chain.blockHash(number).orElseThrow(() -> new IllegalStateException("block " + number + " is gone"));
        log.log(System.Logger.Level.WARNING, "the chain was reorganised above block " + number + ": reading on from there");
        transactions.inTransaction(() -> {
            deposits.forgetPendingAbove(number);
            scanned.forgetAbove(number);
            scanned.add(new ScannedBlock(number, hash), keepFrom(number));
            return null;
        });
    }

    private boolean isOnChain(long number, String hash) {
        return chain.blockHash(number).filter(hash::equals).isPresent();
    }

    /** Records from two confirmation counts back: enough to find where any reorganisation that matters began. */
    private long keepFrom(long newest) {
        return newest - 2L * config.confirmations();
    }
}
