package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;

import java.util.List;
import java.util.Optional;

final class ShowOrdersService implements ShowOrders {

    private final OrderSteps steps;
    private final Orders orders;

    ShowOrdersService(OrderSteps steps, Orders orders) {
        this.steps = steps;
        this.orders = orders;
    }

    @Override
    public OrderView show(AuthenticatedUser viewer, OrderId id) {
        return steps.view(OrderSteps.requireVisible(viewer, orders.findById(id)));
    }

    @Override
    public List<OrderView> list(AuthenticatedUser viewer, Optional<OrderStatus> status) {
        var party = viewer.role() == Role.ADMIN ? Optional.<UserId>empty() : Optional.of(viewer.id());
        return orders.list(party, status, LIMIT).stream().map(steps::view).toList();
    }

    @Override
    public List<OrderView> listInRoom(AuthenticatedUser viewer, RoomId room, Optional<OrderStatus> status) {
        return orders.listInRoom(viewer.id(), room, status, LIMIT).stream().map(steps::view).toList();
    }
}
