package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.usdtagent.application.call.CallSignal;
import com.usdtagent.application.call.CallSignals;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;

/**
 * Emits the call events to the per-user room {@code user:<id>}, like the chat events, and the callee's signals to
 * the per-socket room {@code socket:<id>} of the device that answered. Rooms reach every node through Redis.
 */
final class SocketIoCallSignals implements CallSignals {

    private final SocketIOServer server;
    private final Json json;

    SocketIoCallSignals(SocketIOServer server, Json json) {
        this.server = server;
        this.json = json;
    }

    @Override
    public void incoming(UserId to, CallView call) {
        emit(to, null, "incoming-call", Wire.OneCall.of(call));
    }

    @Override
    public void accepted(UserId to, CallView call) {
        emit(to, null, "call-accepted", Wire.OneCall.of(call));
    }

    @Override
    public void answeredElsewhere(UserId callee, SocketId answering, CallId call) {
        emit(callee, answering, "call-answered-elsewhere", new Wire.CallRef(call.toString()));
    }

    @Override
    public void finished(UserId to, CallView call) {
        emit(to, null, finishedEvent(call), Wire.OneCall.of(call));
    }

    @Override
    public void finishedElsewhere(UserId actor, SocketId acting, CallView call) {
        emit(actor, acting, finishedEvent(call), Wire.OneCall.of(call));
    }

    @Override
    public void signal(UserId to, CallSignal signal) {
        emit(to, null, "call-signal", Wire.SignalJson.of(signal));
    }

    @Override
    public void signal(SocketId to, CallSignal signal) {
        server.getRoomOperations(SocketSession.socketRoom(to))
                .sendEvent("call-signal", json.wire(Wire.SignalJson.of(signal)));
    }

    private static String finishedEvent(CallView call) {
        return switch (call.session().status()) {
            case REJECTED -> "call-rejected";
            case CANCELLED -> "call-cancelled";
            case MISSED -> "call-missed";
            case ENDED, FAILED -> "call-ended";
            case RINGING, ACCEPTED -> throw new IllegalArgumentException("call " + call.session().id() + " is not over");
        };
    }

    /** @param except the one socket of {@code to} that must not get it (the one that acted), or null */
    private void emit(UserId to, SocketId except, String event, Object payload) {
        var room = server.getRoomOperations(SocketSession.userRoom(to));
        SocketIOClient excluded = except == null ? null : server.getClient(except.value());
        if (excluded == null) {
            room.sendEvent(event, json.wire(payload));
        } else {
            room.sendEvent(event, excluded, json.wire(payload));
        }
    }
}
