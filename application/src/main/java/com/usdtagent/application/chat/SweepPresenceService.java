package com.usdtagent.application.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public final class SweepPresenceService implements SweepPresence {

    private final Presence presence;
    private final RoomList rooms;
    private final RealtimePublisher publisher;
    private final Duration silenceBeforeDead;
    private final Clock clock;

    public SweepPresenceService(Presence presence, RoomList rooms, RealtimePublisher publisher,
                                Duration silenceBeforeDead, Clock clock) {
        this.presence = presence;
        this.rooms = rooms;
        this.publisher = publisher;
        this.silenceBeforeDead = silenceBeforeDead;
        this.clock = clock;
    }

    @Override
    public void sweep() {
        Instant now = clock.instant();
        presence.heartbeat(now);
        for (PresenceChange gone : presence.sweepSilentNodes(silenceBeforeDead, now)) {
            rooms.contactsOf(gone.userId()).forEach(contact -> publisher.presence(contact, gone));
        }
    }
}
