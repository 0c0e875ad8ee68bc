package com.usdtagent.application.chain;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Withdrawals, and the transfers signed for them. Joins the caller's transaction. */
public interface Withdrawals {

    /** A withdrawal the sender has to move on: queued or sent, with its signed transfer once there is one. */
    record Outgoing(Withdrawal withdrawal, Optional<SignedTransfer> signed) {
    }

    void add(Withdrawal withdrawal, String idempotencyKey);

    /** Makes a concurrent request with the same key wait until the caller's transaction ends. */
    void lockIdempotencyKey(UserId user, String idempotencyKey);

    Optional<Withdrawal> findByIdempotencyKey(UserId user, String idempotencyKey);

    Optional<Withdrawal> findById(WithdrawalId id);

    /** Stores {@code withdrawal} only while the stored one is in {@code expected}; false otherwise. */
    boolean compareAndSet(WithdrawalStatus expected, Withdrawal withdrawal);

    /** Newest first. */
    List<Withdrawal> ofUser(UserId user, int limit);

    /** Newest first; all of them when {@code status} is empty. */
    List<Withdrawal> withStatus(Optional<WithdrawalStatus> status, int limit);

    /** Queued and sent withdrawals: the signed ones in nonce order, then the others oldest first. */
    List<Outgoing> unfinished(int limit);

    /**
     * Stores the transfer signed for a withdrawal, before it is broadcast.
     *
     * @return false, storing nothing, when the withdrawal has a signed transfer already or another withdrawal has
     *         that sender's nonce
     */
    boolean attachSigned(WithdrawalId id, String sender, SignedTransfer transfer);

    /** The highest nonce of {@code sender} stored so far. */
    OptionalLong highestNonce(String sender);
}
