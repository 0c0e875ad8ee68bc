package com.usdtagent.http;

import com.usdtagent.application.call.CallPage;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /api/calls}: the caller's call history, in the socket protocol's {@code Call} shape. */
final class CallRoutes {

    record CallJson(String callId, String roomId, AccountRoutes.UserView caller, AccountRoutes.UserView callee,
                    String status, Instant startedAt, Instant answeredAt, Instant endedAt, long durationSeconds) {
        static CallJson of(CallView view) {
            CallSession call = view.session();
            return new CallJson(call.id().toString(), call.roomId().toString(), AccountRoutes.UserView.of(view.caller()),
                    AccountRoutes.UserView.of(view.callee()), call.status().wireName(), call.startedAt(),
                    call.answeredAt(), call.endedAt(), call.durationSeconds());
        }
    }

    record CallPageJson(List<CallJson> calls, boolean hasMore) {
        static CallPageJson of(CallPage page) {
            return new CallPageJson(page.calls().stream().map(CallJson::of).toList(), page.hasMore());
        }
    }

    private final ListCalls listCalls;

    CallRoutes(ListCalls listCalls) {
        this.listCalls = listCalls;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/api/calls", this::list);
    }

    private void list(Context ctx) {
        var query = new ListCalls.Query(uuid(ctx, "roomId").map(RoomId::new), uuid(ctx, "before").map(CallId::new),
                limit(ctx));
        ctx.json(CallPageJson.of(listCalls.list(BearerAuthentication.caller(ctx), query)));
    }

    private static Optional<UUID> uuid(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            throw BusinessException.invalidField(name, "must be a UUID");
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isEmpty()) {
            return ListCalls.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw BusinessException.invalidField("limit", "must be a whole number");
        }
    }
}
