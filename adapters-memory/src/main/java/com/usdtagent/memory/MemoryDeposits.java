package com.usdtagent.memory;

import com.usdtagent.application.chain.Deposits;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.DepositStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Deposits seen on chain, as {@code JdbiDeposits}: one row per (transaction hash, log index), credited once. */
final class MemoryDeposits implements Deposits {

    private record Key(String txHash, int logIndex) {
    }

    /** The order the follower credits in; the hash only makes ties (which SQL leaves open) repeatable. */
    private static final Comparator<Deposit> LOWEST_BLOCK_FIRST = Comparator.comparingLong(Deposit::blockNumber)
            .thenComparingInt(Deposit::logIndex).thenComparing(Deposit::txHash);
    private static final Comparator<Deposit> NEWEST_FIRST = Comparator.comparing(Deposit::seenAt)
            .thenComparingLong(Deposit::blockNumber).thenComparingInt(Deposit::logIndex).reversed();

    private final MemoryStore store;
    private final Table<Key, Deposit> deposits;

    MemoryDeposits(MemoryStore store) {
        this.store = store;
        this.deposits = new Table<>(store);
    }

    private static Key key(Deposit deposit) {
        return new Key(deposit.txHash(), deposit.logIndex());
    }

    @Override
    public int addPending(List<Deposit> found) {
        return store.atomically(() -> {
            int added = 0;
            for (Deposit deposit : found) {
                var stored = deposits.lock(key(deposit));
                if (stored.isEmpty()) {
                    deposits.put(key(deposit), withStatus(deposit, deposit.blockNumber(), deposit.blockHash(),
                            DepositStatus.PENDING, null));
                    added++;
                } else if (stored.get().status() == DepositStatus.PENDING
                        && !stored.get().blockHash().equals(deposit.blockHash())) {
                    // read again from another block: it takes that block; a credited one never changes
                    deposits.put(key(deposit), withStatus(stored.get(), deposit.blockNumber(), deposit.blockHash(),
                            DepositStatus.PENDING, null));
                }
            }
            return added;
        });
    }

    @Override
    public List<Deposit> pending() {
        return deposits.values(deposit -> deposit.status() == DepositStatus.PENDING).stream()
                .sorted(LOWEST_BLOCK_FIRST).toList();
    }

    @Override
    public void forgetPendingAbove(long blockNumber) {
        Predicate<Deposit> gone = deposit -> deposit.status() == DepositStatus.PENDING && deposit.blockNumber() > blockNumber;
        // checked again once locked, as PostgreSQL checks a row a concurrent transaction changed
        store.atomically(() -> deposits.rows(gone).forEach(row -> deposits.lock(row.getKey()).filter(gone)
                .ifPresent(deposit -> deposits.delete(row.getKey()))));
    }

    @Override
    public boolean markCredited(String txHash, int logIndex, Instant at) {
        var key = new Key(txHash, logIndex);
        return store.atomically(() -> deposits.lock(key)
                .filter(deposit -> deposit.status() == DepositStatus.PENDING)
                .map(deposit -> {
                    deposits.put(key, withStatus(deposit, deposit.blockNumber(), deposit.blockHash(),
                            DepositStatus.CREDITED, at));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public List<Deposit> ofUser(UserId user, int limit) {
        return deposits.values(deposit -> deposit.user().equals(user)).stream()
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    private static Deposit withStatus(Deposit deposit, long blockNumber, String blockHash, DepositStatus status,
                                      Instant creditedAt) {
        return new Deposit(deposit.txHash(), deposit.logIndex(), deposit.user(), deposit.address(), deposit.amount(),
                blockNumber, blockHash, status, deposit.seenAt(), creditedAt);
    }
}
