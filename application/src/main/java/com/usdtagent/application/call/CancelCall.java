package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

/** The caller hangs up a call that still rings. The other side is told, and the call leaves its message in the room. */
public interface CancelCall {

    CallView cancel(AuthenticatedUser participant, SocketId socket, CallId call);
}
