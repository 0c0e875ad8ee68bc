package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

/** Either participant hangs up a call under way. The other side is told, and the call leaves its message in the room. */
public interface EndCall {

    CallView end(AuthenticatedUser participant, SocketId socket, CallId call);
}
