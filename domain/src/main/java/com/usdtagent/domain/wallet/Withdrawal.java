package com.usdtagent.domain.wallet;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Usdt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * USDT a user sends out of the marketplace to an address of theirs on the chain, paying {@code fee} for it. Its
 * amount and fee are held from the request on; each step says from which status it may be taken.
 *
 * @param address the destination in the chain's canonical form
 * @param txHash  the transaction that carries it, once broadcast
 */
public record Withdrawal(WithdrawalId id, UserId user, String address, Usdt amount, Usdt fee, WithdrawalStatus status,
                         String txHash, Instant createdAt, Instant sentAt, Instant confirmedAt) {

    public Withdrawal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new withdrawal: queued for the sender, or waiting for an admin when its amount is above {@code approvalAbove}. */
    public static Withdrawal request(UserId user, String address, Usdt amount, Usdt fee, Usdt approvalAbove,
                                     Instant now) {
        var status = amount.compareTo(approvalAbove) > 0 ? WithdrawalStatus.PENDING_APPROVAL : WithdrawalStatus.QUEUED;
        return new Withdrawal(WithdrawalId.newId(), user, address, amount, fee, status, null, now, null, null);
    }

    /** What leaves the user's available USDT: the amount and the fee. */
    public Usdt total() {
        return amount.plus(fee);
    }

    public Withdrawal approve() {
        requireStatus(WithdrawalStatus.PENDING_APPROVAL, "The withdrawal is no longer waiting for approval");
        return moveTo(WithdrawalStatus.QUEUED, txHash, sentAt, confirmedAt);
    }

    public Withdrawal reject() {
        requireStatus(WithdrawalStatus.PENDING_APPROVAL, "The withdrawal is no longer waiting for approval");
        return moveTo(WithdrawalStatus.REJECTED, txHash, sentAt, confirmedAt);
    }

    /** Its transaction, {@code hash}, was broadcast. */
    public Withdrawal sent(String hash, Instant now) {
        requireStatus(WithdrawalStatus.QUEUED, "The withdrawal is not queued");
        return moveTo(WithdrawalStatus.SENT, Objects.requireNonNull(hash, "hash"), now, confirmedAt);
    }

    /** Its transaction succeeded and is deep enough in the chain. */
    public Withdrawal confirmed(Instant now) {
        requireStatus(WithdrawalStatus.SENT, "The withdrawal is not sent");
        return moveTo(WithdrawalStatus.CONFIRMED, txHash, sentAt, now);
    }

    /** Its transaction reverted, and that is deep enough in the chain. */
    public Withdrawal failed() {
        requireStatus(WithdrawalStatus.SENT, "The withdrawal is not sent");
        return moveTo(WithdrawalStatus.FAILED, txHash, sentAt, confirmedAt);
    }

    /** Holds the amount and the fee: from the user's available USDT to their locked USDT. */
    public Movement hold() {
        return movement(Movement.Kind.WITHDRAWAL_HOLD, "hold", List.of(
                new Movement.Posting(LedgerAccount.available(user), total().value().negate()),
                new Movement.Posting(LedgerAccount.locked(user), total().value())));
    }

    /** Pays out what was held: the amount to the chain, the fee to the fees account. */
    public Movement payOut() {
        var postings = new ArrayList<Movement.Posting>();
        postings.add(new Movement.Posting(LedgerAccount.locked(user), total().value().negate()));
        postings.add(new Movement.Posting(LedgerAccount.EXTERNAL, amount.value()));
        if (fee.value().signum() > 0) {
            postings.add(new Movement.Posting(LedgerAccount.FEES, fee.value()));
        }
        return movement(Movement.Kind.WITHDRAWAL, "payout", postings);
    }

    /** Gives back what was held, when the withdrawal is rejected or its transaction reverted. */
    public Movement giveBack() {
        return movement(Movement.Kind.WITHDRAWAL_RETURN, "return", List.of(
                new Movement.Posting(LedgerAccount.locked(user), total().value().negate()),
                new Movement.Posting(LedgerAccount.available(user), total().value())));
    }

    /** The reference makes each movement of a withdrawal happen once, whatever retries it. */
    private Movement movement(Movement.Kind kind, String step, List<Movement.Posting> postings) {
        return new Movement(kind, null, "withdrawal:" + id + ":" + step, postings);
    }

    private void requireStatus(WithdrawalStatus expected, String refusal) {
        if (status != expected) {
            throw new BusinessException(ErrorCode.INVALID_STATE, refusal);
        }
    }

    private Withdrawal moveTo(WithdrawalStatus next, String hash, Instant sent, Instant confirmed) {
        return new Withdrawal(id, user, address, amount, fee, next, hash, createdAt, sent, confirmed);
    }
}
