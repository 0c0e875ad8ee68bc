package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What every order step shares: inside the transaction, the compare-and-set of the status, the escrow's movement,
 * the room's system message and the push; after the commit, the live nudges to both parties.
 */
final class OrderSteps {

    private static final System.Logger log = System.getLogger(OrderSteps.class.getName());

    /** An order just stored in its new status, and the message it left in its room. */
    record Stepped(OrderView order, RoomPosts.Posted message) {
    }

    private final Orders orders;
    private final Ledger ledger;
    private final UserAccounts accounts;
    private final RoomPosts posts;
    private final PushOutbox push;
    private final OrderSignals signals;
    private final Transactions transactions;
    private final Clock clock;

    OrderSteps(Orders orders, Ledger ledger, UserAccounts accounts, RoomPosts posts, PushOutbox push,
               OrderSignals signals, Transactions transactions, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.accounts = accounts;
        this.posts = posts;
        this.push = push;
        this.signals = signals;
        this.transactions = transactions;
        this.clock = clock;
    }

    OrderView view(TradeOrder order) {
        return new OrderView(order, profile(order.buyer()), profile(order.seller()));
    }

    PublicProfile profile(UserId user) {
        return accounts.findById(user).map(UserAccount::publicProfile).orElseThrow();
    }

    /**
     * Takes a party's (or an admin's) step on the order: locks it, applies the domain's {@code step}, stores it and
     * announces it after the commit.
     */
    OrderView take(AuthenticatedUser actor, OrderId id, BiFunction<TradeOrder, Instant, TradeOrder> step) {
        Instant now = clock.instant();
        Stepped stepped = transactions.inTransaction(() -> {
            TradeOrder order = requireVisible(actor, orders.lock(id));
            return store(order.status(), step.apply(order, now), actor.id());
        });
        announce(stepped);
        return stepped.order();
    }

    /** Parties and admins see an order and may try its steps; anyone else is forbidden. */
    static TradeOrder requireVisible(AuthenticatedUser viewer, Optional<TradeOrder> order) {
        TradeOrder found = order.orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such order"));
        if (!found.hasParty(viewer.id()) && viewer.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "You are not a party of this order");
        }
        return found;
    }

    /**
     * Stores {@code order}, which just left {@code from}, and moves its escrow; inside a transaction. The status
     * compare-and-set makes a step that lost a race refuse with {@code INVALID_STATE}, so the USDT moves once.
     *
     * @param actor who took the step; null for the server
     */
    Stepped store(OrderStatus from, TradeOrder order, UserId actor) {
        if (!orders.compareAndSet(from, order)) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The order changed meanwhile");
        }
        Movement.settling(order).ifPresent(movement -> ledger.record(movement, order.updatedAt()));
        return noted(order, actor);
    }

    /**
     * Leaves the step's system message in the room, read by the party who took the step, and queues a push for each
     * party who did not take it.
     */
    Stepped noted(TradeOrder order, UserId actor) {
        // a message needs a sender: the actor, or the seller when the server cancels an order on its timer
        UserId sender = actor != null ? actor : order.seller();
        var posted = posts.post(new RoomPosts.Post(order.roomId(), sender, actor, MessageType.SYSTEM, text(order), null,
                Map.of("orderId", order.id().toString(), "orderStatus", order.status().name()), order.updatedAt()));
        for (UserId party : new UserId[] {order.buyer(), order.seller()}) {
            if (!party.equals(actor)) {
                push.enqueue(new PushNotification.OrderChanged(party, order.id().toString(), order.status().name()));
            }
        }
        return new Stepped(view(order), posted);
    }

    /** Shows the step to both parties' live sockets; the step is committed, so a failure only costs a live update. */
    void announce(Stepped stepped) {
        posts.announce(stepped.message());
        TradeOrder order = stepped.order().order();
        try {
            for (UserId party : new UserId[] {order.buyer(), order.seller()}) {
                signals.orderUpdated(party, stepped.order());
            }
        } catch (RuntimeException failure) {
            log.log(System.Logger.Level.WARNING, "announcing order " + order.id() + " failed", failure);
        }
    }

    private static String text(TradeOrder order) {
        return switch (order.status()) {
            case PENDING_PAYMENT -> "Order placed: " + order.usdtAmount() + " USDT for " + order.fiatAmount() + " "
                    + order.fiatCurrency() + ". Waiting for the buyer's payment.";
            case PAID -> "The buyer marked the order paid.";
            case COMPLETED -> "The USDT went to the buyer. Order completed.";
            case CANCELLED -> order.audit().getLast().actor() == null
                    ? "The payment window passed. Order cancelled, the USDT went back to the seller."
                    : "The buyer cancelled the order. The USDT went back to the seller.";
            case APPEAL -> "Appeal opened: " + order.appeal().reason();
            case REFUNDED -> "An admin refunded the USDT to the seller.";
        };
    }
}
