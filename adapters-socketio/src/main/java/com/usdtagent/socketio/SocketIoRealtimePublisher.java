package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOServer;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.chat.MessageJson;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.chat.StatusChange;
import com.usdtagent.application.chat.TypingNotice;
import com.usdtagent.domain.account.UserId;

/** Emits to the per-user room {@code user:<id>}, which every socket of the user joined when it authenticated. */
final class SocketIoRealtimePublisher implements RealtimePublisher {

    private final SocketIOServer server;
    private final Json json;
    private final AttachmentLinks links;

    SocketIoRealtimePublisher(SocketIOServer server, Json json, AttachmentLinks links) {
        this.server = server;
        this.json = json;
        this.links = links;
    }

    @Override
    public void roomList(SocketId to, RoomPage page) {
        var client = server.getClient(to.value());
        if (client != null) {
            client.sendEvent("chat-room-list", json.wire(Wire.RoomPageJson.of(page, links)));
        }
    }

    @Override
    public void newMessage(UserId to, MessageView message) {
        emit(to, "new-message", new Wire.OneMessage(MessageJson.of(message, links)));
    }

    @Override
    public void roomUpdated(UserId to, RoomSummary room) {
        emit(to, "reload-chat-list", new Wire.OneRoom(Wire.RoomJson.of(room, links)));
    }

    @Override
    public void messageStatus(UserId to, StatusChange change) {
        emit(to, "message-status", Wire.StatusJson.of(change));
    }

    @Override
    public void presence(UserId to, PresenceChange change) {
        emit(to, "presence", Wire.PresenceJson.of(change));
    }

    @Override
    public void typing(UserId to, TypingNotice notice) {
        emit(to, "typing", Wire.TypingJson.of(notice));
    }

    private void emit(UserId to, String event, Object payload) {
        server.getRoomOperations(SocketSession.userRoom(to)).sendEvent(event, json.wire(payload));
    }
}
