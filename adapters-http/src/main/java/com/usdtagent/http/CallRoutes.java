package com.usdtagent.http;

import com.usdtagent.application.call.CallPage;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;

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
        var query = new ListCalls.Query(Params.queryUuid(ctx, "roomId").map(RoomId::new),
                Params.queryUuid(ctx, "before").map(CallId::new),
                Params.queryInt(ctx, "limit").orElse(ListCalls.DEFAULT_LIMIT));
        ctx.json(CallPageJson.of(listCalls.list(BearerAuthentication.caller(ctx), query)));
    }
}
