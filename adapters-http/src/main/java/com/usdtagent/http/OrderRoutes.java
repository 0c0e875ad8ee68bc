package com.usdtagent.http;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.chat.HistoryJson;
import com.usdtagent.application.trade.OrderJson;
import com.usdtagent.application.trade.OrderView;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.application.trade.ShowAppealConversation;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.Usdt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.stream.IntStream;

import java.util.function.BiFunction;

/** {@code /api/orders} and {@code /api/admin/orders}: placing an order, every later step of it, and an appeal's conversation. */
final class OrderRoutes {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    record PlaceOrderRequest(@NotNull String offerId, @NotNull String usdtAmount) {
    }

    /** The reason's length is the domain's rule; {@code attachmentIds} are files of the order's room. */
    record AppealRequest(@NotNull String reason,
                         @Size(max = Attachment.MAX_PER_MESSAGE) List<@NotNull String> attachmentIds) {
    }

    record ResolveRequest(
            @NotNull @Pattern(regexp = "RELEASE|REFUND", message = "must be RELEASE or REFUND") String outcome) {
    }

    private final HttpApi.TradeUseCases useCases;
    private final AttachmentLinks links;
    private final RequestBodies requestBodies;

    OrderRoutes(HttpApi.TradeUseCases useCases, AttachmentLinks links, RequestBodies requestBodies) {
        this.useCases = useCases;
        this.links = links;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/orders", this::place);
        routes.get("/api/orders", this::list);
        routes.get("/api/orders/{id}", ctx -> respond(ctx, useCases.showOrders()::show));
        routes.post("/api/orders/{id}/paid", ctx -> respond(ctx, useCases.markOrderPaid()::markPaid));
        routes.post("/api/orders/{id}/cancel", ctx -> respond(ctx, useCases.cancelOrder()::cancel));
        routes.post("/api/orders/{id}/release", ctx -> respond(ctx, useCases.releaseEscrow()::release));
        routes.post("/api/orders/{id}/appeal", this::appeal);
        routes.post("/api/admin/orders/{id}/resolve", this::resolve);
        routes.get("/api/admin/orders/{id}/messages", this::conversation);
    }

    private void place(Context ctx) {
        PlaceOrderRequest request = requestBodies.read(ctx, PlaceOrderRequest.class);
        var command = new PlaceOrder.Command(new OfferId(Params.uuid("offerId", request.offerId())),
                Usdt.parse("usdtAmount", request.usdtAmount()), ctx.header(IDEMPOTENCY_KEY));
        OrderView order = useCases.placeOrder().place(BearerAuthentication.caller(ctx), command);
        // a retry gets the same order; 201 either way, as the order exists because of this key
        ctx.status(HttpStatus.CREATED).json(json(order));
    }

    private void list(Context ctx) {
        var status = Params.query(ctx, "status").map(value -> Params.enumValue(OrderStatus.class, "status", value));
        var caller = BearerAuthentication.caller(ctx);
        var room = Params.queryUuid(ctx, "roomId").map(RoomId::new);
        var orders = room.isPresent()
                ? useCases.showOrders().listInRoom(caller, room.get(), status)
                : useCases.showOrders().list(caller, status);
        ctx.json(new TradeJson.OrdersJson(orders.stream().map(this::json).toList()));
    }

    private void appeal(Context ctx) {
        OrderId id = orderId(ctx);
        AppealRequest request = requestBodies.read(ctx, AppealRequest.class);
        List<String> files = request.attachmentIds() == null ? List.of() : request.attachmentIds();
        List<AttachmentId> evidence = IntStream.range(0, files.size())
                .mapToObj(i -> new AttachmentId(Params.uuid("attachmentIds[" + i + "]", files.get(i))))
                .toList();
        ctx.json(json(useCases.appealOrder().appeal(BearerAuthentication.caller(ctx), id, request.reason(), evidence)));
    }

    private void resolve(Context ctx) {
        OrderId id = orderId(ctx);
        var outcome = AppealOutcome.valueOf(requestBodies.read(ctx, ResolveRequest.class).outcome());
        ctx.json(json(useCases.resolveAppeal().resolve(BearerAuthentication.caller(ctx), id, outcome)));
    }

    private void conversation(Context ctx) {
        OrderId id = orderId(ctx);
        var page = useCases.showAppealConversation().show(BearerAuthentication.caller(ctx), id,
                Params.queryLong(ctx, "before").orElse(null),
                Params.queryInt(ctx, "limit").orElse(ShowAppealConversation.DEFAULT_LIMIT));
        ctx.json(HistoryJson.of(page, links));
    }

    private void respond(Context ctx, BiFunction<AuthenticatedUser, OrderId, OrderView> step) {
        ctx.json(json(step.apply(BearerAuthentication.caller(ctx), orderId(ctx))));
    }

    private OrderJson json(OrderView order) {
        return OrderJson.of(order, links);
    }

    private static OrderId orderId(Context ctx) {
        return new OrderId(Params.pathUuid(ctx, "id"));
    }
}
