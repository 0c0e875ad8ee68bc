package com.usdtagent.application.moderation;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's report of another, for the admins to read.
 *
 * @param room    the room the report is about; null when none was named
 * @param message the message the report is about; null when none was named
 */
public record Report(UUID id, UserId reporter, UserId reported, RoomId room, MessageId message, String reason,
                     Instant createdAt) {

    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 2000;

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
