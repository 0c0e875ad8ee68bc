package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;

/** A socket of the user closed; with the last one the user goes offline and their contacts are told. */
public interface GoOffline {

    void goOffline(AuthenticatedUser user, SocketId socket);
}
