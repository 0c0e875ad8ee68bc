package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;

public final class ListChatRoomsService implements ListChatRooms {

    private final RoomList rooms;

    public ListChatRoomsService(RoomList rooms) {
        this.rooms = rooms;
    }

    @Override
    public RoomPage list(AuthenticatedUser viewer, String search, int page, int limit) {
        String term = search == null || search.isBlank() ? null : search.strip();
        return rooms.listFor(viewer.id(), term, page, limit);
    }
}
