package com.usdtagent.application.attachment;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

import java.util.Set;

/**
 * A room as its files see it: its members, and whether an order of the room is under appeal.
 *
 * @param underAppeal an order placed in this room waits for an admin's ruling, who then needs to see its files
 */
public record AttachmentRoom(RoomId id, Set<UserId> members, boolean underAppeal) {

    public AttachmentRoom {
        members = Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }

    /** Its members open its files, and admins do while its order is under appeal. */
    public boolean opensTo(AuthenticatedUser viewer) {
        return hasMember(viewer.id()) || (viewer.role() == Role.ADMIN && underAppeal);
    }
}
