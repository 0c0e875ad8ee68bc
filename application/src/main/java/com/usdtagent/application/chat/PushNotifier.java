package com.usdtagent.application.chat;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;

/** Wakes a recipient's phone about a message they are not looking at. Must not fail or slow the send. */
public interface PushNotifier {

    void newMessage(UserId recipient, PublicProfile sender, Message message);
}
