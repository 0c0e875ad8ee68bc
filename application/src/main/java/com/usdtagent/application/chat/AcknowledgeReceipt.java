package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.RoomId;

/** {@code lastMessageResponse}: the client says how far it has received or read a room. Pointers never move back. */
public interface AcknowledgeReceipt {

    void acknowledge(AuthenticatedUser member, RoomId room, long seq, DeliveryStatus status);
}
