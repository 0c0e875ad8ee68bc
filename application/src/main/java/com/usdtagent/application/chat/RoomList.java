package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The member's view of their rooms: the lines of their room list, their unread total and their contacts. */
public interface RoomList {

    /**
     * The member's rooms, newest activity first, optionally only those whose opponent's username contains
     * {@code search} (ignoring case, every character taken literally).
     */
    RoomPage listFor(UserId viewer, String search, int page, int limit);

    /** The viewer's line of the room; empty when the viewer is not a member. */
    Optional<RoomSummary> summaryFor(RoomId room, UserId viewer);

    /** How many messages the member has not read, over all their rooms: the badge on their app icon. */
    default int unreadTotal(UserId member) {
        return unreadTotals(List.of(member)).getOrDefault(member, 0);
    }

    /** {@link #unreadTotal} of each member at once (a member without rooms may be left out); joins the caller's
     * transaction. */
    Map<UserId, Integer> unreadTotals(Collection<UserId> members);

    /** Everybody who shares a room with the user. */
    List<UserId> contactsOf(UserId user);
}
