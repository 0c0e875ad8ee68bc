package com.usdtagent.application.chat;

import java.util.Objects;
import java.util.UUID;

/** One connected socket (one device's connection) of a user. */
public record SocketId(UUID value) {

    public SocketId {
        Objects.requireNonNull(value, "value");
    }
}
