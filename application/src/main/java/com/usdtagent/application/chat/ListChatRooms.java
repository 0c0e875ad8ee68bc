package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;

public interface ListChatRooms {

    RoomPage list(AuthenticatedUser viewer, String search, int page, int limit);
}
