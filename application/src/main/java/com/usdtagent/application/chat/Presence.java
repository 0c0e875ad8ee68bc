package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which sockets are connected, on which node, and which rooms they are viewing; shared by every node. A user is
 * online while at least one socket of theirs is connected to a live node.
 */
public interface Presence {

    /** @return true when this is the user's only socket, that is the user just came online */
    boolean socketOpened(UserId user, SocketId socket, Instant at);

    /** @return the user's last-seen time when this was their last socket, that is the user just went offline */
    Optional<Instant> socketClosed(UserId user, SocketId socket, Instant at);

    boolean isOnline(UserId user);

    void startViewing(SocketId socket, RoomId room);

    void stopViewing(SocketId socket, RoomId room);

    boolean isViewing(UserId user, RoomId room);

    /** Tells the others that this node is alive. */
    void heartbeat(Instant at);

    /** Forgets the sockets of nodes silent for longer than {@code silence}; returns the users that left with them. */
    List<PresenceChange> sweepSilentNodes(Duration silence, Instant now);
}
