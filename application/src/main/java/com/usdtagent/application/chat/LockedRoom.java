package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A room locked for an append, with each member's side of it as the lock found it: all a new message needs to know,
 * read in one go, so that a send costs few round trips to the database.
 */
public record LockedRoom(ChatRoom room, Map<UserId, Side> sides) {

    public LockedRoom {
        sides = Map.copyOf(sides);
        if (!sides.keySet().equals(Set.of(room.firstMember(), room.secondMember()))) {
            throw new IllegalArgumentException("a side for each member of " + room.id() + " and no other");
        }
    }

    /**
     * One member's side: who they are and whether they are online, their pointers, and whether a socket of theirs
     * has the room open.
     */
    public record Side(Contact member, ReadPointers pointers, boolean viewing) {
    }

    /** Each member's pointers as the lock found them. */
    public Map<UserId, ReadPointers> pointers() {
        var pointers = new HashMap<UserId, ReadPointers>();
        sides.forEach((member, side) -> pointers.put(member, side.pointers()));
        return pointers;
    }

    /** The room once the message is appended and the members' pointers moved as given. */
    public LockedRoom appended(Message message, Map<UserId, ReadPointers> pointers) {
        var after = new HashMap<UserId, Side>();
        sides.forEach((member, side) -> after.put(member,
                new Side(side.member(), pointers.getOrDefault(member, side.pointers()), side.viewing())));
        return new LockedRoom(new ChatRoom(room.id(), room.firstMember(), room.secondMember(), message.seq(),
                room.createdAt()), after);
    }

    /** @throws IllegalArgumentException for somebody who is not a member; check with {@link ChatRoom#requireMember} */
    public Side sideOf(UserId member) {
        Side side = sides.get(member);
        if (side == null) {
            throw new IllegalArgumentException(member + " is not a member of " + room.id());
        }
        return side;
    }
}
