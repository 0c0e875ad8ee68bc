package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/** A party's complaint about a paid order, which an admin settles. */
public record Appeal(UserId by, String reason, Instant openedAt) {

    public static final int MAX_REASON_LENGTH = 1000;

    public Appeal {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
