package com.usdtagent.domain.trade;

import java.util.Objects;
import java.util.UUID;

public record OfferId(UUID value) {

    public OfferId {
        Objects.requireNonNull(value, "value");
    }

    public static OfferId newId() {
        return new OfferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
