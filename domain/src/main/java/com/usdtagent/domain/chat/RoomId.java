package com.usdtagent.domain.chat;

import java.util.Objects;
import java.util.UUID;

public record RoomId(UUID value) {

    public RoomId {
        Objects.requireNonNull(value, "value");
    }

    public static RoomId newId() {
        return new RoomId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
