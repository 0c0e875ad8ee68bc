package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

final class PlaceOrderService implements PlaceOrder {

    private static final Duration DAY = Duration.ofHours(24);

    private final OrderSteps steps;
    private final Offers offers;
    private final Orders orders;
    private final Ledger ledger;
    private final ChatRooms rooms;
    private final Transactions transactions;
    private final Clock clock;
    private final OrderLimits limits;
    private final Blocks blocks;

    PlaceOrderService(OrderSteps steps, Offers offers, Orders orders, Ledger ledger, ChatRooms rooms,
                      Transactions transactions, Clock clock, OrderLimits limits, Blocks blocks) {
        this.limits = limits;
        this.steps = steps;
        this.offers = offers;
        this.orders = orders;
        this.ledger = ledger;
        this.rooms = rooms;
        this.transactions = transactions;
        this.clock = clock;
        this.blocks = blocks;
    }

    /** A placement already made with the key, or the one made now and the message it left. */
    private record Placed(Optional<TradeOrder> repeated, OrderSteps.Stepped fresh) {
    }

    @Override
    public OrderView place(AuthenticatedUser user, Command command) {
        if (user.role() != Role.USER) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only users place orders on offers");
        }
        Instant now = clock.instant();
        Placed placed = transactions.inTransaction(() -> {
            // the key's lock makes a concurrent retry wait for this placement and then find it
            orders.lockIdempotencyKey(user.id(), command.idempotencyKey());
            Optional<TradeOrder> earlier = orders.findByIdempotencyKey(user.id(), command.idempotencyKey());
            if (earlier.isPresent()) {
                requireSameRequest(earlier.get(), command);
                return new Placed(earlier, null);
            }
            Offer offer = offers.findById(command.offerId())
                    .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such offer"));
            blocks.refuseIfBlocked(user.id(), offer.agent());
            orders.lockPlacer(user.id());
            requireWithinLimits(orders.recordOfPlacer(user.id(), now.minus(DAY)), now);
            PublicProfile me = steps.profile(user.id());
            PublicProfile agent = steps.profile(offer.agent());
            ChatRoom room = rooms.findByPair(me.id(), agent.id())
                    .orElseGet(() -> rooms.addOrGetExisting(ChatRoom.open(me, agent, now)));
            TradeOrder order = TradeOrder.place(offer, user.id(), command.usdtAmount(), room.id(), now);
            orders.add(order, command.idempotencyKey());
            ledger.record(Movement.lock(order), now);
            return new Placed(Optional.empty(), steps.noted(order, user.id()));
        });
        if (placed.repeated().isPresent()) {
            return steps.view(placed.repeated().get());
        }
        steps.announce(placed.fresh());
        return placed.fresh().order();
    }

    private void requireWithinLimits(Orders.PlacerRecord record, Instant now) {
        if (record.awaitingPayment() >= limits.maxUnpaid()) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "You have " + record.awaitingPayment()
                    + " unpaid orders; pay or cancel one before placing another");
        }
        List<Instant> cancelled = record.cancelledAt();
        if (cancelled.size() >= limits.maxCancellationsPerDay()) {
            Instant until = cancelled.get(cancelled.size() - limits.maxCancellationsPerDay()).plus(DAY);
            throw new BusinessException(ErrorCode.INVALID_STATE, cancelled.size()
                    + " of your orders were cancelled or expired in the last 24 hours; you can place another from "
                    + until.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** A key names one request: reusing it for another offer or amount is a client bug, not a retry. */
    private static void requireSameRequest(TradeOrder earlier, Command command) {
        if (!earlier.offerId().equals(command.offerId()) || earlier.usdtAmount().compareTo(command.usdtAmount()) != 0) {
            throw new BusinessException(ErrorCode.CONFLICT, "This Idempotency-Key was used for another order");
        }
    }
}
