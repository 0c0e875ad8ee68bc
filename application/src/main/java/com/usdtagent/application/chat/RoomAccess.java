package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

/** The rule every room event starts with: the room exists ({@code NOT_FOUND}) and the caller is in it ({@code FORBIDDEN}). */
public final class RoomAccess {

    private RoomAccess() {
    }

    public static ChatRoom memberRoom(ChatRooms rooms, RoomId id, UserId member) {
        ChatRoom room = rooms.findById(id).orElseThrow(RoomAccess::notFound);
        room.requireMember(member);
        return room;
    }

    public static BusinessException notFound() {
        return new BusinessException(ErrorCode.NOT_FOUND, "No such room");
    }
}
