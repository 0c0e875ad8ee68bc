package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;

import java.time.Instant;

/** The FCM device tokens of each user. A token belongs to one user at a time; a user may have many. */
public interface Devices {

    /** Stores the token for the user, taking it from whoever had it; what was queued for its old owner is dropped. */
    void register(UserId user, String token, DevicePlatform platform, Instant at);

    /** Removes the token if it is the user's, with what is still queued for it. */
    void forget(UserId user, String token);

    /** Removes a token FCM no longer accepts, whoever has it. */
    void prune(String token);
}
