package com.usdtagent.application.push;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one device is told, composed when the push is queued, so that the sender only maps it to FCM's format.
 * With a title it is a notification the phone shows; without one it is data for the app alone.
 *
 * @param data      the app's own fields; FCM carries strings only
 * @param channel   the Android notification channel; null for data-only pushes
 * @param threadId  groups notifications on iOS (one thread per room or order); null for none
 * @param badge     the app icon's number on iOS; null leaves it as it is
 * @param expiresAt when the push is worthless (a call that stopped ringing); null for FCM's default of four weeks
 */
public record PushMessage(String title, String body, Map<String, String> data, String channel, String threadId,
                          Integer badge, Instant expiresAt) {

    public PushMessage {
        data = Map.copyOf(Objects.requireNonNull(data, "data"));
        if ((title == null) != (body == null)) {
            throw new IllegalArgumentException("a notification has both a title and a body; data-only has neither");
        }
    }

    public boolean isNotification() {
        return title != null;
    }

    public boolean hasExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
