package com.usdtagent.socketio;

import com.usdtagent.application.call.CallJson;
import com.usdtagent.application.call.JoinedCall;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.chat.RoomId;

import java.util.UUID;

/** The voice-call half of the socket protocol: signalling only; the audio goes through Agora or WebRTC. */
final class CallEvents {

    private final SocketIoGateway.CallUseCases calls;

    CallEvents(SocketIoGateway.CallUseCases calls) {
        this.calls = calls;
    }

    void registerOn(EventRouter events) {
        events.on(Payloads.RoomRef.class, (session, payload) -> joined(calls.startCall().start(session.user(),
                new RoomId(UUID.fromString(payload.roomId())))), "call-start");
        events.on(Payloads.CallRef.class, (session, payload) -> joined(calls.acceptCall().accept(session.user(),
                session.socketId(), callId(payload))), "call-accept");
        events.on(Payloads.CallRef.class, (session, payload) -> Wire.OneCall.of(calls.rejectCall().reject(
                session.user(), session.socketId(), callId(payload))), "call-reject");
        events.on(Payloads.CallRef.class, (session, payload) -> Wire.OneCall.of(calls.cancelCall().cancel(
                session.user(), session.socketId(), callId(payload))), "call-cancel");
        events.on(Payloads.CallRef.class, (session, payload) -> Wire.OneCall.of(calls.endCall().end(
                session.user(), session.socketId(), callId(payload))), "call-end");
        events.on(Payloads.CallRef.class, (session, payload) -> new Wire.OneRtc(Wire.RtcJson.of(
                calls.renewCallToken().renew(session.user(), callId(payload)))), "call-token-renew");
        events.on(Payloads.Signal.class, (session, payload) -> {
            calls.relayCallSignal().relay(session.user(), session.socketId(),
                    new CallId(UUID.fromString(payload.callId())), payload.content());
            return new Wire.CallRef(payload.callId());
        }, "call-signal");
    }

    private static Wire.JoinedCallJson joined(JoinedCall joined) {
        return new Wire.JoinedCallJson(CallJson.of(joined.call()), Wire.RtcJson.of(joined.rtc()));
    }

    private static CallId callId(Payloads.CallRef payload) {
        return new CallId(UUID.fromString(payload.callId()));
    }
}
