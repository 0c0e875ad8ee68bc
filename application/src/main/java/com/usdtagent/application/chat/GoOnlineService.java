package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.chat.ChatPaging;
import com.usdtagent.domain.chat.DeliveryStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class GoOnlineService implements GoOnline {

    private final Presence presence;
    private final ChatRooms rooms;
    private final RoomList roomList;
    private final RealtimePublisher publisher;
    private final Transactions transactions;
    private final Clock clock;

    public GoOnlineService(Presence presence, ChatRooms rooms, RoomList roomList, RealtimePublisher publisher,
                           Transactions transactions, Clock clock) {
        this.presence = presence;
        this.rooms = rooms;
        this.roomList = roomList;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Arrival(boolean cameOnline, List<ChatRooms.PendingDelivery> deliveries) {
    }

    @Override
    public void goOnline(AuthenticatedUser user, SocketId socket) {
        Instant now = clock.instant();
        Arrival arrival = transactions.inTransaction(() -> new Arrival(
                presence.socketOpened(user.id(), socket, now), rooms.deliverAll(user.id())));
        for (var delivery : arrival.deliveries()) {
            publisher.messageStatus(delivery.opponent(), new StatusChange(
                    delivery.roomId(), user.id(), DeliveryStatus.DELIVERED, delivery.upToSeq(), now));
        }
        publisher.roomList(socket, roomList.listFor(user.id(), null, 1, ChatPaging.DEFAULT_ROOM_LIMIT));
        if (arrival.cameOnline()) {
            var online = new PresenceChange(user.id(), true, null);
            roomList.contactsOf(user.id()).forEach(contact -> publisher.presence(contact, online));
        }
    }
}
