package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored rooms, their members' read pointers, and the room lists built from them. */
public interface ChatRooms {

    Optional<ChatRoom> findById(RoomId id);

    Optional<ChatRoom> findByPair(UserId one, UserId other);

    /** Stores a new room with both pointers at 0, unless the pair already has one; returns the pair's stored room. */
    ChatRoom addOrGetExisting(ChatRoom room);

    /**
     * Reads the rooms that exist among {@code ids}, each with both members' sides, and holds their row locks until
     * the transaction ends, so that appends to a room take turns; locks in one order, so that two batches cannot
     * deadlock.
     */
    Map<RoomId, LockedRoom> lockForAppend(Collection<RoomId> ids);

    default Optional<LockedRoom> lockForAppend(RoomId id) {
        return Optional.ofNullable(lockForAppend(List.of(id)).get(id));
    }

    /**
     * Stores the messages, each its room's next seq in order, in the transaction that locked their rooms; makes
     * each room's newest message its last activity, and moves each member's pointers forward to at least those
     * given. Returns every member's pointers as stored afterwards, by room.
     *
     * @throws com.usdtagent.domain.shared.BusinessException INVALID_STATE when a sender already used a message's
     *         clientMessageId (look them up first with {@link Messages#findByClientMessageIds})
     */
    Map<RoomId, Map<UserId, ReadPointers>> append(List<Message> messages, Map<RoomId, Map<UserId, ReadPointers>> pointers);

    default Map<UserId, ReadPointers> append(Message message, Map<UserId, ReadPointers> pointers) {
        return append(List.of(message), Map.of(message.roomId(), pointers)).get(message.roomId());
    }

    ReadPointers pointers(RoomId room, UserId member);

    /** Moves the member's pointers forward to at least {@code target}; returns the pointers as stored afterwards. */
    ReadPointers advance(RoomId room, UserId member, ReadPointers target);

    /** Marks delivered, in every room of the member, all that the room holds; returns the rooms where it moved. */
    List<PendingDelivery> deliverAll(UserId member);

    /** The member's rooms, newest activity first, optionally only those whose opponent's username contains {@code search}. */
    RoomPage listFor(UserId viewer, String search, int page, int limit);

    Optional<RoomSummary> summaryFor(RoomId room, UserId viewer);

    /** How many messages the member has not read, over all their rooms: the badge on their app icon. */
    int unreadTotal(UserId member);

    /** Everybody who shares a room with the user. */
    List<UserId> contactsOf(UserId user);

    /** A room where a member's delivered pointer just moved up to {@code upToSeq}. */
    record PendingDelivery(RoomId roomId, UserId opponent, long upToSeq) {
    }
}
