package com.usdtagent.socketio;

import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.chat.HistoryJson;
import com.usdtagent.application.chat.MessageJson;
import com.usdtagent.application.chat.OpenChatHistory;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.RoomId;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The chat half of the socket protocol: each event handed to its use case, the answer shaped for the wire. */
final class ChatEvents {

    private final SocketIoGateway.ChatUseCases chat;
    private final Replies replies;
    private final AttachmentLinks links;

    ChatEvents(SocketIoGateway.ChatUseCases chat, Replies replies, AttachmentLinks links) {
        this.chat = chat;
        this.replies = replies;
        this.links = links;
    }

    void registerOn(EventRouter events) {
        events.on(Payloads.RoomList.class, this::listRooms, "chat-room-list", "chatRoomList");
        events.on(Payloads.CreateRoom.class, this::createRoom, "create-room");
        events.on(Payloads.ChatHistory.class, this::history, "chat-history");
        events.on(Payloads.RoomRef.class, (session, payload) -> history(session,
                new Payloads.ChatHistory(payload.roomId(), null, null, null)), "chatHistoryReload");
        events.on(Payloads.SendMessage.class, this::sendMessage, "send-message");
        events.on(Payloads.Receipt.class, this::receipt, "lastMessageResponse");
        events.on(Payloads.RoomRef.class, this::leaveRoom, "leave-room");
        events.on(Payloads.Typing.class, this::typing, "typing");
    }

    void onConnected(SocketSession session) {
        chat.goOnline().goOnline(session.user(), session.socketId());
    }

    void onDisconnected(SocketSession session) {
        chat.goOffline().goOffline(session.user(), session.socketId());
    }

    private Object listRooms(SocketSession session, Payloads.RoomList payload) {
        var page = Wire.RoomPageJson.of(chat.listChatRooms().list(session.user(), payload.search(),
                payload.pageOrFirst(), payload.limitOrDefault()), links);
        replies.emit(session.client(), "chat-room-list", page);
        return page;
    }

    private Object createRoom(SocketSession session, Payloads.CreateRoom payload) {
        var opened = chat.openDirectRoom().open(session.user(), new UserId(UUID.fromString(payload.participantId())));
        var room = Wire.RoomJson.of(opened.room(), links);
        replies.emit(session.client(), "get-one-room", new Wire.OneRoom(room));
        return Map.of("roomId", room.roomId(), "created", opened.created());
    }

    private Object history(SocketSession session, Payloads.ChatHistory payload) {
        var query = new OpenChatHistory.Query(roomId(payload.roomId()), payload.before(), payload.after(),
                payload.limitOrDefault());
        var page = HistoryJson.of(chat.openChatHistory().open(session.user(), session.socketId(), query), links);
        replies.emit(session.client(), "chat-history", page);
        return page;
    }

    private Object sendMessage(SocketSession session, Payloads.SendMessage payload) {
        var files = payload.attachmentIdsOrNone().stream().map(id -> new AttachmentId(UUID.fromString(id))).toList();
        var sent = chat.sendMessage().send(session.user(),
                new SendMessage.Command(roomId(payload.roomId()), payload.clientMessageId(), payload.text(), files));
        return new Wire.OneMessage(MessageJson.of(sent, links));
    }

    private Object receipt(SocketSession session, Payloads.Receipt payload) {
        var status = DeliveryStatus.valueOf(payload.status().toUpperCase(Locale.ROOT));
        chat.acknowledgeReceipt().acknowledge(session.user(), roomId(payload.roomId()), payload.seq(), status);
        return Map.of("roomId", payload.roomId(), "seq", payload.seq(), "status", payload.status());
    }

    private Object leaveRoom(SocketSession session, Payloads.RoomRef payload) {
        chat.leaveRoom().leave(session.user(), session.socketId(), roomId(payload.roomId()));
        return Map.of("roomId", payload.roomId());
    }

    private Object typing(SocketSession session, Payloads.Typing payload) {
        chat.showTyping().show(session.user(), roomId(payload.roomId()), payload.typing());
        return Map.of("roomId", payload.roomId(), "typing", payload.typing());
    }

    private static RoomId roomId(String validatedUuid) {
        return new RoomId(UUID.fromString(validatedUuid));
    }
}
