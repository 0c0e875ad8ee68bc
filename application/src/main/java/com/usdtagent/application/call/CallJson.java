package com.usdtagent.application.call;

import com.usdtagent.application.account.UserJson;
import com.usdtagent.domain.call.CallSession;

import java.time.Instant;

/**
 * The contract's {@code Call}, as the socket protocol's call events and {@code GET /api/calls} both send it: each
 * component is one JSON field.
 */
public record CallJson(String callId, String roomId, UserJson caller, UserJson callee, String status,
                       Instant startedAt, Instant answeredAt, Instant endedAt, long durationSeconds) {

    public static CallJson of(CallView view) {
        CallSession call = view.session();
        return new CallJson(call.id().toString(), call.roomId().toString(), UserJson.of(view.caller()),
                UserJson.of(view.callee()), call.status().wireName(), call.startedAt(), call.answeredAt(),
                call.endedAt(), call.durationSeconds());
    }
}
