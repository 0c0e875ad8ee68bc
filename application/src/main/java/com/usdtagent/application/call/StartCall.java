package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.chat.RoomId;

/**
 * A member of a room calls the other member: the call rings on every device of the callee, and a push wakes
 * them. {@code BUSY} when either of them already rings or talks.
 */
public interface StartCall {

    JoinedCall start(AuthenticatedUser caller, RoomId room);
}
