package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;

/**
 * A socket of the user connected. In this order: the user is online; everything addressed to them is delivered
 * (the senders are told); the socket gets the first page of rooms; the user's contacts learn they came online.
 */
public interface GoOnline {

    void goOnline(AuthenticatedUser user, SocketId socket);
}
