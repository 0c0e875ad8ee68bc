package com.usdtagent.socketio;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;

import java.util.List;

/** The protocol's two answers to an event: an ack {@code {ok, data}} or {@code {ok:false, error}} plus an {@code error} event. */
final class Replies {

    record Failure(String code, String message, List<FieldError> details) {
        static Failure of(BusinessException refusal) {
            return new Failure(refusal.code().name(), refusal.getMessage(), refusal.details());
        }

        static Failure internal() {
            return new Failure(ErrorCode.INTERNAL.name(), "Something went wrong on our side", List.of());
        }
    }

    private record Success(boolean ok, Object data) {
    }

    private record FailureAck(boolean ok, Failure error) {
    }

    private record ErrorEvent(String event, String code, String message, List<FieldError> details) {
    }

    private final Json json;

    Replies(Json json) {
        this.json = json;
    }

    void succeed(AckRequest ack, Object data) {
        if (ack.isAckRequested()) {
            ack.sendAckData(json.wire(new Success(true, data)));
        }
    }

    void fail(SocketIOClient client, AckRequest ack, String event, Failure failure) {
        if (ack.isAckRequested()) {
            ack.sendAckData(json.wire(new FailureAck(false, failure)));
        }
        client.sendEvent("error", json.wire(new ErrorEvent(event, failure.code(), failure.message(), failure.details())));
    }

    void emit(SocketIOClient client, String event, Object payload) {
        client.sendEvent(event, json.wire(payload));
    }
}
