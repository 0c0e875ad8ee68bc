package com.usdtagent.domain.ledger;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One balanced move of USDT: its postings add up to zero, so the ledger as a whole always does.
 *
 * @param reference what makes a repeat of the movement harmless (a deposit's chain reference, a withdrawal's step);
 *                  null when the order's own status already guards against repeats
 */
public record Movement(Kind kind, OrderId orderId, String reference, List<Posting> postings) {

    public enum Kind {
        DEPOSIT, LOCK, RELEASE, REFUND,
        /** A withdrawal's amount and fee held from the user's available USDT until it ends. */
        WITHDRAWAL_HOLD,
        /** A withdrawal confirmed on chain: the amount to the chain, the fee to the fees account. */
        WITHDRAWAL,
        /** A withdrawal rejected or reverted: what was held goes back. */
        WITHDRAWAL_RETURN
    }

    /** A signed amount on one account: positive credits it, negative debits it. */
    public record Posting(LedgerAccount account, BigDecimal amount) {
        public Posting {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public Movement {
        Objects.requireNonNull(kind, "kind");
        postings = List.copyOf(postings);
        BigDecimal sum = postings.stream().map(Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("a movement must balance, this one sums to " + sum);
        }
    }

    /** USDT arriving from the chain into the user's available balance. */
    public static Movement deposit(UserId user, Usdt amount, String reference) {
        Objects.requireNonNull(reference, "reference");
        return between(Kind.DEPOSIT, null, reference, LedgerAccount.EXTERNAL, LedgerAccount.available(user), amount);
    }

    /** The seller's USDT put in escrow for an order just placed. */
    public static Movement lock(TradeOrder order) {
        return between(Kind.LOCK, order.id(), null, LedgerAccount.available(order.seller()),
                LedgerAccount.locked(order.seller()), order.usdtAmount());
    }

    /** The escrow handed to the buyer. */
    public static Movement release(TradeOrder order) {
        return between(Kind.RELEASE, order.id(), null, LedgerAccount.locked(order.seller()),
                LedgerAccount.available(order.buyer()), order.usdtAmount());
    }

    /** The escrow handed back to the seller. */
    public static Movement refund(TradeOrder order) {
        return between(Kind.REFUND, order.id(), null, LedgerAccount.locked(order.seller()),
                LedgerAccount.available(order.seller()), order.usdtAmount());
    }

    /** What the escrow does when an order reaches its status: nothing until it ends, then to the buyer or back. */
    public static Optional<Movement> settling(TradeOrder order) {
        return switch (order.status()) {
            case COMPLETED -> Optional.of(release(order));
            case CANCELLED, REFUNDED -> Optional.of(refund(order));
            case PENDING_PAYMENT, PAID, APPEAL -> Optional.empty();
        };
    }

    private static Movement between(Kind kind, OrderId order, String reference, LedgerAccount from, LedgerAccount to,
                                    Usdt amount) {
        return new Movement(kind, order, reference, List.of(
                new Posting(from, amount.value().negate()), new Posting(to, amount.value())));
    }
}
