package com.usdtagent.http;

import com.usdtagent.application.call.CallJson;
import com.usdtagent.application.call.CallPage;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.chat.RoomId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;

/** {@code GET /api/calls}: the caller's call history, in the socket protocol's {@code Call} shape. */
final class CallRoutes {

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
