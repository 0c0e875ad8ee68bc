package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The steps of an order after its placement, each one the domain's rule applied to the locked order. */
public final class OrderTransitionsService
        implements MarkOrderPaid, CancelOrder, ReleaseEscrow, AppealOrder, ResolveAppeal, ShowOrders, ExpireOrders {

    private static final int EXPIRE_BATCH = 100;

    private final OrderSteps steps;

    OrderTransitionsService(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public OrderView markPaid(AuthenticatedUser actor, OrderId id) {
        return step(actor, id, (order, now) -> order.markPaid(actor.id(), now));
    }

    @Override
    public OrderView cancel(AuthenticatedUser actor, OrderId id) {
        return step(actor, id, (order, now) -> order.cancel(actor.id(), now));
    }

    @Override
    public OrderView release(AuthenticatedUser actor, OrderId id) {
        return step(actor, id, (order, now) -> order.release(actor.id(), now));
    }

    @Override
    public OrderView appeal(AuthenticatedUser actor, OrderId id, String reason) {
        return step(actor, id, (order, now) -> order.openAppeal(actor.id(), reason, now));
    }

    @Override
    public OrderView resolve(AuthenticatedUser admin, OrderId id, AppealOutcome outcome) {
        return step(admin, id, (order, now) -> order.resolve(admin.id(), admin.role(), outcome, now));
    }

    @Override
    public OrderView show(AuthenticatedUser viewer, OrderId id) {
        return steps.view(requireVisible(viewer, steps.orders.findById(id)));
    }

    @Override
    public List<OrderView> list(AuthenticatedUser viewer, Optional<OrderStatus> status) {
        var party = viewer.role() == Role.ADMIN ? Optional.<UserId>empty()
                : Optional.of(viewer.id());
        return steps.orders.list(party, status, LIMIT).stream().map(steps::view).toList();
    }

    @Override
    public List<OrderView> listInRoom(AuthenticatedUser viewer, RoomId room) {
        return steps.orders.listInRoom(viewer.id(), room, LIMIT).stream().map(steps::view).toList();
    }

    @Override
    public int expire() {
        Instant now = steps.clock.instant();
        List<OrderSteps.Stepped> expired = steps.transactions.inTransaction(() ->
                steps.orders.claimExpired(now, EXPIRE_BATCH).stream()
                        .map(order -> steps.store(order.status(), order.expire(now), null))
                        .toList());
        expired.forEach(steps::announce);
        return expired.size();
    }

    private OrderView step(AuthenticatedUser actor, OrderId id, BiFunction<TradeOrder, Instant, TradeOrder> step) {
        Instant now = steps.clock.instant();
        OrderSteps.Stepped stepped = steps.transactions.inTransaction(() -> {
            TradeOrder order = requireVisible(actor, steps.orders.lock(id));
            return steps.store(order.status(), step.apply(order, now), actor.id());
        });
        steps.announce(stepped);
        return stepped.order();
    }

    /** Parties and admins see an order and may try its steps; anyone else is forbidden. */
    private static TradeOrder requireVisible(AuthenticatedUser viewer, Optional<TradeOrder> order) {
        TradeOrder found = order.orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such order"));
        if (!found.hasParty(viewer.id()) && viewer.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "You are not a party of this order");
        }
        return found;
    }
}
