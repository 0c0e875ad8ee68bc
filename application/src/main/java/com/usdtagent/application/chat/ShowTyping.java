package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;

/** Tells the other member that the user started or stopped typing. Nothing is stored. */
public interface ShowTyping {

    void show(AuthenticatedUser member, RoomId room, boolean typing);
}
