package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A party's complaint about a paid order, which an admin settles.
 *
 * @param evidence files from the order's room the appellant points to, such as a screenshot of the bank transfer
 */
public record Appeal(UserId by, String reason, Instant openedAt, List<Attachment> evidence) {

    public static final int MIN_REASON_LENGTH = 10;
    public static final int MAX_REASON_LENGTH = 2000;

    public Appeal {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** An appeal without evidence. */
    public Appeal(UserId by, String reason, Instant openedAt) {
        this(by, reason, openedAt, List.of());
    }
}
