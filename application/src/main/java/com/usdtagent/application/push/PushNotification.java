package com.usdtagent.application.push;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;

import java.time.Duration;

/** Something to tell every device of one user, even when the app is in the background or killed. */
public sealed interface PushNotification {

    UserId recipient();

    /** A message the recipient is not looking at. */
    record NewMessage(UserId recipient, PublicProfile sender, Message message) implements PushNotification {
    }

    /** A call ringing for the recipient; worthless after {@code ringTimeout}. */
    record IncomingCall(UserId recipient, String callId, RoomId roomId, String callerName, Duration ringTimeout)
            implements PushNotification {
    }

    /** An order of the recipient's moved to {@code status}. */
    record OrderChanged(UserId recipient, String orderId, String status) implements PushNotification {
    }

    /** A deposit to the recipient's address was credited to their wallet; {@code amount} in the wire's decimal form. */
    record DepositCredited(UserId recipient, String txHash, String amount) implements PushNotification {
    }
}
