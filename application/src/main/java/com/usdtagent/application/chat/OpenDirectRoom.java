package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.UserId;

/** {@code create-room}: the pair's room, created when it does not exist yet. */
public interface OpenDirectRoom {

    Opened open(AuthenticatedUser opener, UserId participant);

    record Opened(RoomSummary room, boolean created) {
    }
}
