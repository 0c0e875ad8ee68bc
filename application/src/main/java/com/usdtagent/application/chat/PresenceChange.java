package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;

import java.time.Instant;

/** A user came online (lastSeenAt null) or went offline at lastSeenAt. */
public record PresenceChange(UserId userId, boolean online, Instant lastSeenAt) {
}
