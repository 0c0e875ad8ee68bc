package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One trade of USDT between a buyer and a seller at a price fixed when it was placed. The seller's USDT waits in
 * escrow from placement until the order completes (to the buyer) or is cancelled or refunded (back to the seller).
 * Each step says who may take it and from which status; a refused step changes nothing.
 */
public record TradeOrder(OrderId id, OfferId offerId, RoomId roomId, UserId buyer, UserId seller, Usdt usdtAmount,
                         Fiat price, Fiat fiatAmount, String fiatCurrency, OrderStatus status,
                         Instant paymentWindowEndsAt, Instant paidAt, Instant completedAt, Instant cancelledAt,
                         Appeal appeal, Instant createdAt, Instant updatedAt, List<AuditEntry> audit) {

    public TradeOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(usdtAmount, "usdtAmount");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fiatAmount, "fiatAmount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentWindowEndsAt, "paymentWindowEndsAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (buyer.equals(seller)) {
            throw new IllegalArgumentException("an order has two different parties");
        }
        audit = List.copyOf(audit);
    }

    /** A new order of {@code user} on {@code offer}, waiting for the buyer's payment; its fiat amount is fixed here. */
    public static TradeOrder place(Offer offer, UserId user, Usdt amount, RoomId room, Instant now) {
        offer.requireTakes(amount);
        if (offer.agent().equals(user)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "An agent cannot take their own offer");
        }
        Fiat total = amount.times(offer.price());
        if (total.value().signum() == 0) {
            throw BusinessException.invalidField("usdtAmount", "is too small: its fiat amount rounds to zero");
        }
        if (total.value().compareTo(Fiat.MAX_TOTAL) > 0) {
            throw BusinessException.invalidField("usdtAmount", "makes a fiat total over " + Fiat.MAX_TOTAL.toPlainString());
        }
        return new TradeOrder(OrderId.newId(), offer.id(), room, offer.buyerFor(user), offer.sellerFor(user), amount,
                offer.price(), total, offer.fiatCurrency(), OrderStatus.PENDING_PAYMENT,
                now.plus(Duration.ofMinutes(offer.paymentWindowMinutes())), null, null, null, null, now, now,
                List.of(new AuditEntry(OrderStatus.PENDING_PAYMENT, user, now)));
    }

    public boolean hasParty(UserId user) {
        return buyer.equals(user) || seller.equals(user);
    }

    /** The party who is not {@code party}. */
    public UserId otherThan(UserId party) {
        return buyer.equals(party) ? seller : buyer;
    }

    /** The buyer says the fiat is sent. Allowed until the order is cancelled, even if the server has not got to it yet. */
    public TradeOrder markPaid(UserId actor, Instant now) {
        requireParty(actor, buyer, "Only the buyer marks an order paid");
        requireStatus(OrderStatus.PENDING_PAYMENT);
        return moveTo(OrderStatus.PAID, actor, now, now, completedAt, cancelledAt, appeal);
    }

    /** The buyer withdraws before paying. */
    public TradeOrder cancel(UserId actor, Instant now) {
        requireParty(actor, buyer, "Only the buyer cancels an order");
        requireStatus(OrderStatus.PENDING_PAYMENT);
        return moveTo(OrderStatus.CANCELLED, actor, now, paidAt, completedAt, now, appeal);
    }

    /** The server cancels an order whose payment window has passed. */
    public TradeOrder expire(Instant now) {
        requireStatus(OrderStatus.PENDING_PAYMENT);
        if (now.isBefore(paymentWindowEndsAt)) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The payment window is still open");
        }
        return moveTo(OrderStatus.CANCELLED, null, now, paidAt, completedAt, now, appeal);
    }

    /** The seller saw the fiat arrive and lets the escrow go to the buyer. */
    public TradeOrder release(UserId actor, Instant now) {
        requireParty(actor, seller, "Only the seller releases the escrow");
        requireStatus(OrderStatus.PAID);
        return moveTo(OrderStatus.COMPLETED, actor, now, paidAt, now, cancelledAt, appeal);
    }

    /** Either party disputes a paid order, which freezes it until an admin rules. */
    public TradeOrder openAppeal(UserId actor, String reason, Instant now) {
        return openAppeal(actor, reason, List.of(), now);
    }

    /** As {@link #openAppeal(UserId, String, Instant)}, pointing to files of the order's room as evidence. */
    public TradeOrder openAppeal(UserId actor, String reason, List<Attachment> evidence, Instant now) {
        if (!hasParty(actor)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only a party of the order may appeal");
        }
        String stated = Text.isBlank(reason) ? "" : reason.strip();
        if (stated.length() < Appeal.MIN_REASON_LENGTH || stated.length() > Appeal.MAX_REASON_LENGTH) {
            throw BusinessException.invalidField("reason",
                    "must be " + Appeal.MIN_REASON_LENGTH + ".." + Appeal.MAX_REASON_LENGTH + " characters");
        }
        if (evidence.size() > Attachment.MAX_PER_MESSAGE) {
            throw BusinessException.invalidField("attachmentIds", "must name at most " + Attachment.MAX_PER_MESSAGE);
        }
        evidence.forEach(file -> file.requireEvidenceFrom(actor, roomId));
        requireStatus(OrderStatus.PAID);
        return moveTo(OrderStatus.APPEAL, actor, now, paidAt, completedAt, cancelledAt,
                new Appeal(actor, stated, now, evidence));
    }

    /**
     * The server hands an open order to the admins when {@code bannedParty} is banned: it becomes an appeal in that
     * party's name, which an admin settles as any other, the escrow staying where it is until then.
     */
    public TradeOrder referToAdmins(UserId bannedParty, String reason, Instant now) {
        if (!hasParty(bannedParty)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an order of the banned party is referred");
        }
        if (status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.PAID) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The order is " + status);
        }
        return moveTo(OrderStatus.APPEAL, null, now, paidAt, completedAt, cancelledAt,
                new Appeal(bannedParty, reason, now));
    }

    /** An admin settles an appeal: the escrow to the buyer, or back to the seller. */
    public TradeOrder resolve(UserId actor, Role role, AppealOutcome outcome, Instant now) {
        if (role != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin resolves an appeal");
        }
        requireStatus(OrderStatus.APPEAL);
        return outcome == AppealOutcome.RELEASE
                ? moveTo(OrderStatus.COMPLETED, actor, now, paidAt, now, cancelledAt, appeal)
                : moveTo(OrderStatus.REFUNDED, actor, now, paidAt, completedAt, now, appeal);
    }

    private static void requireParty(UserId actor, UserId party, String refusal) {
        if (!party.equals(actor)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, refusal);
        }
    }

    private void requireStatus(OrderStatus expected) {
        if (status != expected) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The order is " + status);
        }
    }

    private TradeOrder moveTo(OrderStatus next, UserId actor, Instant now, Instant paid, Instant completed,
                              Instant cancelled, Appeal appealed) {
        var steps = new ArrayList<>(audit);
        steps.add(new AuditEntry(next, actor, now));
        return new TradeOrder(id, offerId, roomId, buyer, seller, usdtAmount, price, fiatAmount, fiatCurrency, next,
                paymentWindowEndsAt, paid, completed, cancelled, appealed, createdAt, now, steps);
    }
}
