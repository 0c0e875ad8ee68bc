package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.call.CallId;

/**
 * A participant of a call under way sends a WebRTC signal to the other: from the caller to the callee's socket
 * that accepted, from that socket to every socket of the caller. {@code NOT_FOUND} for a call the sender is not
 * in, {@code INVALID_STATE} unless the call is accepted or when the callee sends from another socket.
 */
public interface RelayCallSignal {

    void relay(AuthenticatedUser sender, SocketId socket, CallId call, CallSignal.Content content);
}
