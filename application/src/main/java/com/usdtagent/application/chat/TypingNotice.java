package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;

public record TypingNotice(RoomId roomId, UserId userId, boolean typing) {
}
