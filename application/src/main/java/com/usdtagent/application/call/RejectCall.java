package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

/** The callee declines a ringing call. The other side is told, and the call leaves its message in the room. */
public interface RejectCall {

    CallView reject(AuthenticatedUser participant, SocketId socket, CallId call);
}
