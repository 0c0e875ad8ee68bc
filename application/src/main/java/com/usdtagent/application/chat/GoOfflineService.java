package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;

import java.time.Clock;

public final class GoOfflineService implements GoOffline {

    private final Presence presence;
    private final RoomList rooms;
    private final RealtimePublisher publisher;
    private final Clock clock;

    public GoOfflineService(Presence presence, RoomList rooms, RealtimePublisher publisher, Clock clock) {
        this.presence = presence;
        this.rooms = rooms;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void goOffline(AuthenticatedUser user, SocketId socket) {
        presence.socketClosed(user.id(), socket, clock.instant()).ifPresent(lastSeenAt -> {
            var offline = new PresenceChange(user.id(), false, lastSeenAt);
            rooms.contactsOf(user.id()).forEach(contact -> publisher.presence(contact, offline));
        });
    }
}
