package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;

import java.util.List;
import java.util.Optional;

/** {@code GET /api/orders/{id}} and {@code GET /api/orders}: to its parties and to admins, who see every order. */
public interface ShowOrders {

    int LIMIT = 100;

    OrderView show(AuthenticatedUser viewer, OrderId id);

    /** The newest {@link #LIMIT} orders of the viewer (of everybody for an admin), optionally in one status. */
    List<OrderView> list(AuthenticatedUser viewer, Optional<OrderStatus> status);

    /**
     * The newest {@link #LIMIT} orders of the viewer made in this conversation (none for an admin, who is no party),
     * optionally in one status.
     */
    List<OrderView> listInRoom(AuthenticatedUser viewer, RoomId room, Optional<OrderStatus> status);
}
