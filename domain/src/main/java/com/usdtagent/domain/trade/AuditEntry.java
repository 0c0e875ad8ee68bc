package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/** One step of an order: the status it reached, who took it (null: the server, on a timer) and when. */
public record AuditEntry(OrderStatus status, UserId actor, Instant at) {

    public AuditEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
