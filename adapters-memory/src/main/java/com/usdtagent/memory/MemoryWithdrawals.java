package com.usdtagent.memory;

import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.Withdrawals;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Withdrawals and the transfers signed for them, as {@code JdbiWithdrawals}: a (user, idempotency key) names one
 * withdrawal; a withdrawal gets one signed transfer, and a sender's nonce and a transaction hash belong to one.
 */
final class MemoryWithdrawals implements Withdrawals {

    private record RequestKey(UserId user, String idempotencyKey) {
    }

    /** The lock requests with one key take turns on, apart from the key's row as {@code pg_advisory_xact_lock} is. */
    private record RequestLock(UserId user, String idempotencyKey) {
    }

    private record SenderNonce(String sender, long nonce) {
    }

    private record Signed(String sender, SignedTransfer transfer) {
    }

    private static final Comparator<Withdrawal> NEWEST_FIRST = Comparator.comparing(Withdrawal::createdAt).reversed()
            .thenComparing(withdrawal -> withdrawal.id().value(), Uuids.POSTGRES_ORDER);
    /** The sender's order: the signed ones by nonce, then the others oldest first. */
    private static final Comparator<Outgoing> SENDING_ORDER = Comparator
            .comparing((Outgoing outgoing) -> outgoing.signed().map(SignedTransfer::nonce).orElse(Long.MAX_VALUE))
            .thenComparing(outgoing -> outgoing.withdrawal().createdAt());

    private final MemoryStore store;
    private final Table<WithdrawalId, Withdrawal> withdrawals;
    private final Table<RequestKey, WithdrawalId> byRequestKey;
    private final Table<WithdrawalId, Signed> transfers;
    private final Table<SenderNonce, WithdrawalId> byNonce;
    private final Table<String, WithdrawalId> byTxHash;

    MemoryWithdrawals(MemoryStore store) {
        this.store = store;
        this.withdrawals = new Table<>(store);
        this.byRequestKey = new Table<>(store);
        this.transfers = new Table<>(store);
        this.byNonce = new Table<>(store);
        this.byTxHash = new Table<>(store);
    }

    @Override
    public void add(Withdrawal withdrawal, String idempotencyKey) {
        store.atomically(() -> {
            byRequestKey.insert(new RequestKey(withdrawal.user(), idempotencyKey), withdrawal.id());
            withdrawals.insert(withdrawal.id(), withdrawal);
        });
    }

    @Override
    public void lockIdempotencyKey(UserId user, String idempotencyKey) {
        store.atomically(() -> store.lock(new RequestLock(user, idempotencyKey)));
    }

    @Override
    public Optional<Withdrawal> findByIdempotencyKey(UserId user, String idempotencyKey) {
        return store.read(() -> byRequestKey.find(new RequestKey(user, idempotencyKey)).flatMap(withdrawals::find));
    }

    @Override
    public Optional<Withdrawal> findById(WithdrawalId id) {
        return withdrawals.find(id);
    }

    @Override
    public boolean compareAndSet(WithdrawalStatus expected, Withdrawal withdrawal) {
        return store.atomically(() -> withdrawals.lock(withdrawal.id())
                .filter(stored -> stored.status() == expected)
                .map(stored -> {
                    // the columns the UPDATE sets
                    withdrawals.put(stored.id(), new Withdrawal(stored.id(), stored.user(), stored.address(),
                            stored.amount(), stored.fee(), withdrawal.status(), withdrawal.txHash(),
                            stored.createdAt(), withdrawal.sentAt(), withdrawal.confirmedAt()));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public List<Withdrawal> ofUser(UserId user, int limit) {
        return newestFirst(withdrawal -> withdrawal.user().equals(user), limit);
    }

    @Override
    public List<Withdrawal> withStatus(Optional<WithdrawalStatus> status, int limit) {
        return newestFirst(withdrawal -> status.map(withdrawal.status()::equals).orElse(true), limit);
    }

    private List<Withdrawal> newestFirst(Predicate<Withdrawal> wanted, int limit) {
        return withdrawals.values(wanted).stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<Outgoing> unfinished(int limit) {
        return store.read(() -> withdrawals.values(withdrawal -> withdrawal.status() == WithdrawalStatus.QUEUED
                        || withdrawal.status() == WithdrawalStatus.SENT).stream()
                .map(withdrawal -> new Outgoing(withdrawal, transfers.find(withdrawal.id()).map(Signed::transfer)))
                .sorted(SENDING_ORDER)
                .limit(limit)
                .toList());
    }

    @Override
    public boolean attachSigned(WithdrawalId id, String sender, SignedTransfer transfer) {
        var nonce = new SenderNonce(sender, transfer.nonce());
        return store.atomically(() -> {
            boolean queued = withdrawals.find(id).filter(stored -> stored.status() == WithdrawalStatus.QUEUED).isPresent();
            // any unique key taken (this withdrawal's, the sender's nonce, the hash) stores nothing
            if (!queued || transfers.lock(id).isPresent() || byNonce.lock(nonce).isPresent()
                    || byTxHash.lock(transfer.txHash()).isPresent()) {
                return false;
            }
            transfers.put(id, new Signed(sender, transfer));
            byNonce.put(nonce, id);
            byTxHash.put(transfer.txHash(), id);
            return true;
        });
    }

    @Override
    public OptionalLong highestNonce(String sender) {
        return transfers.values(signed -> signed.sender().equals(sender)).stream()
                .mapToLong(signed -> signed.transfer().nonce()).max();
    }
}
