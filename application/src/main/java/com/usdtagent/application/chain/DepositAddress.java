package com.usdtagent.application.chain;

import com.usdtagent.domain.account.UserId;

import java.util.Objects;

/** A user's own deposit address: child {@code index} of the deposit key, assigned once. */
public record DepositAddress(UserId user, int index, String address) {

    public DepositAddress {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }
}
