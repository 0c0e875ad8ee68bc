package com.usdtagent.application.push;

/** One claimed row of the push queue: a message for one device, on its {@code attempt}th try. */
public record QueuedPush(long id, String deviceToken, PushMessage message, int attempt) {

    @Override
    public String toString() {
        // a device token is a credential to the user's phone: never in logs
        return "QueuedPush[" + id + ", attempt " + attempt + "]";
    }
}
