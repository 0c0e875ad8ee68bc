package com.usdtagent.domain.wallet;

import java.util.Objects;
import java.util.UUID;

public record WithdrawalId(UUID value) {

    public WithdrawalId {
        Objects.requireNonNull(value, "value");
    }

    public static WithdrawalId newId() {
        return new WithdrawalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
