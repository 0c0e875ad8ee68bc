package com.usdtagent.domain.chat;

import java.util.Objects;
import java.util.UUID;

public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A version 7 UUID (RFC 9562): the current Unix time in milliseconds, then 74 random bits. Messages are the one
     * table that grows without end, and a random key scatters every insert over the whole primary-key index (a page
     * read, and a full-page image in the WAL after each checkpoint); time-ordered keys go to its newest pages.
     */
    public static MessageId newId() {
        UUID random = UUID.randomUUID();
        long randomA = random.getMostSignificantBits() & 0xFFFL;
        long msb = System.currentTimeMillis() << 16 | 0x7000L | randomA;
        // the random UUID's low half already carries the RFC variant bits
        return new MessageId(new UUID(msb, random.getLeastSignificantBits()));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
