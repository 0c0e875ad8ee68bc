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

/** The stored rooms and their members' read pointers; {@link RoomList} reads the lists made of them. */
public interface ChatRooms {

    Optional<ChatRoom> findById(RoomId id);

    Optional<ChatRoom> findByPair(UserId one, UserId other);

    /** Stores a new room with both pointers at 0, unless the pair already has one; returns the pair's stored room. */
    ChatRoom addOrGetExisting(ChatRoom room);

    /**
     * Reads the rooms that exist among {@code ids}, each with both members' sides, and holds the rooms' row locks
     * until the transaction ends, so that appends to a room take turns; locks in one order, so that two batches
     * cannot deadlock. A member's receipt does not wait for them: a side may move on before the append, which keeps
     * the greater of each pointer.
     */
    Map<RoomId, LockedRoom> lockForAppend(Collection<RoomId> ids);

    /**
     * Stores the messages, each its room's next seq in order, in the transaction that locked their rooms; makes
     * each room's newest message its last activity, and moves each member's pointers forward to at least those
     * given. Returns every member's pointers as stored afterwards, by room.
     *
     * @throws ClientMessageIdTaken when a sender's clientMessageId is stored already: look them up first with
     *         {@link Messages#findByClientMessageIds}; this happens only when a concurrent transaction stored it since
     */
    Map<RoomId, Map<UserId, ReadPointers>> append(List<Message> messages, Map<RoomId, Map<UserId, ReadPointers>> pointers);

    ReadPointers pointers(RoomId room, UserId member);

    /** Moves the member's pointers forward to at least {@code target}; returns the pointers as stored afterwards. */
    ReadPointers advance(RoomId room, UserId member, ReadPointers target);

    /** Marks delivered, in every room of the member, all that the room holds; returns the rooms where it moved. */
    List<PendingDelivery> deliverAll(UserId member);

    /** A room where a member's delivered pointer just moved up to {@code upToSeq}. */
    record PendingDelivery(RoomId roomId, UserId opponent, long upToSeq) {
    }

    /** An append found a sender's clientMessageId taken; the transaction is lost and nothing of it is stored. */
    final class ClientMessageIdTaken extends RuntimeException {

        public ClientMessageIdTaken() {
            super("a clientMessageId of the append was stored meanwhile", null, false, false);
        }
    }
}
