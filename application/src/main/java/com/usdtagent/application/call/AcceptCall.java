package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

/** The callee answers a ringing call on the device of {@code socket}; their other devices stop ringing. */
public interface AcceptCall {

    JoinedCall accept(AuthenticatedUser callee, SocketId socket, CallId call);
}
