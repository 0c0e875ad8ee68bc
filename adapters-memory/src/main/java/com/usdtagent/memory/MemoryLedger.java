package com.usdtagent.memory;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Usdt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The double-entry ledger, as {@code JdbiLedger}: the entries, each user's balances moved with them, and the
 * references that make a repeated movement do nothing. A balance never goes below zero.
 */
final class MemoryLedger implements Ledger {

    /** A user's balances; the wallet row of {@code JdbiLedger}. */
    private record Wallet(BigDecimal available, BigDecimal locked) {

        static final Wallet EMPTY = new Wallet(BigDecimal.ZERO, BigDecimal.ZERO);

        Wallet plus(LedgerAccount.Bucket bucket, BigDecimal amount) {
            return bucket == LedgerAccount.Bucket.AVAILABLE
                    ? new Wallet(available.add(amount), locked)
                    : new Wallet(available, locked.add(amount));
        }

        boolean isNegative() {
            return available.signum() < 0 || locked.signum() < 0;
        }
    }

    /** An entry with the user whose account it posts to; null for the external account. */
    private record Posted(UserId user, LedgerEntry entry) {
    }

    private final AtomicLong entryIds = new AtomicLong();
    private final MemoryStore store;
    private final Table<String, Instant> references;
    private final Table<UserId, Wallet> wallets;
    private final Table<Long, Posted> entries;

    MemoryLedger(MemoryStore store) {
        this.store = store;
        this.references = new Table<>(store);
        this.wallets = new Table<>(store);
        this.entries = new Table<>(store);
    }

    @Override
    public boolean record(Movement movement, Instant at) {
        return store.atomically(() -> {
            if (movement.reference() != null && !references.insertIfAbsent(movement.reference(), at)) {
                return false;
            }
            // users' wallets in one order, so that two movements between the same users cannot deadlock
            movement.postings().stream()
                    .sorted(Comparator.comparing((Movement.Posting posting) -> String.valueOf(posting.account().owner()))
                            .thenComparing(posting -> posting.account().bucket()))
                    .forEach(posting -> post(movement, posting, at));
            return true;
        });
    }

    private void post(Movement movement, Movement.Posting posting, Instant at) {
        UserId user = posting.account().owner();
        if (user != null) {
            Wallet moved = wallets.lock(user).orElse(Wallet.EMPTY).plus(posting.account().bucket(), posting.amount());
            if (moved.isNegative()) {
                throw new BusinessException(ErrorCode.INSUFFICIENT_FUNDS, "Not enough available USDT");
            }
            wallets.put(user, moved);
        }
        long id = entryIds.incrementAndGet();
        entries.insert(id, new Posted(user, new LedgerEntry(id, movement.kind(), posting.account().bucket(),
                posting.amount(), movement.orderId(), movement.reference(), at)));
    }

    @Override
    public WalletBalance balanceOf(UserId user) {
        return wallets.find(user)
                .map(wallet -> new WalletBalance(new Usdt(wallet.available()), new Usdt(wallet.locked())))
                .orElse(WalletBalance.EMPTY);
    }

    @Override
    public List<LedgerEntry> entriesOf(UserId user, Optional<Long> before, int limit) {
        long below = before.orElse(Long.MAX_VALUE);
        return entries.values(posted -> user.equals(posted.user()) && posted.entry().id() < below).stream()
                .map(Posted::entry)
                .sorted(Comparator.comparingLong(LedgerEntry::id).reversed())
                .limit(limit)
                .toList();
    }

    /** The committed entries' amounts summed by account kind; together they sum to zero, as double entry does. */
    Map<LedgerAccount.Bucket, BigDecimal> totals() {
        return entries.values(posted -> true).stream().map(Posted::entry).collect(Collectors.groupingBy(
                LedgerEntry::account, () -> new EnumMap<>(LedgerAccount.Bucket.class),
                Collectors.reducing(BigDecimal.ZERO, LedgerEntry::amount, BigDecimal::add)));
    }
}
