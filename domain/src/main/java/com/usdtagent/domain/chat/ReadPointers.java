package com.usdtagent.domain.chat;

/**
 * How far one member has received and read a room: every message of the others with {@code seq <= deliveredSeq}
 * reached one of the member's devices, every one with {@code seq <= readSeq} was seen. Pointers only move forward,
 * whatever order receipts arrive in, and reading implies receiving.
 */
public record ReadPointers(long deliveredSeq, long readSeq) {

    public static final ReadPointers NOTHING = new ReadPointers(0, 0);

    public ReadPointers {
        if (readSeq < 0 || deliveredSeq < readSeq) {
            throw new IllegalArgumentException("0 <= readSeq <= deliveredSeq");
        }
    }

    public ReadPointers delivered(long seq) {
        return new ReadPointers(Math.max(deliveredSeq, seq), readSeq);
    }

    public ReadPointers read(long seq) {
        return new ReadPointers(Math.max(deliveredSeq, seq), Math.max(readSeq, seq));
    }

    public ReadPointers advance(DeliveryStatus receipt, long seq) {
        return switch (receipt) {
            case SENT -> this;
            case DELIVERED -> delivered(seq);
            case READ -> read(seq);
        };
    }

    /** The ticks of a message addressed to this member. */
    public DeliveryStatus statusOf(long seq) {
        if (seq <= readSeq) {
            return DeliveryStatus.READ;
        }
        return seq <= deliveredSeq ? DeliveryStatus.DELIVERED : DeliveryStatus.SENT;
    }

    /** Messages of the room this member has not read, given the room's last seq (own messages move readSeq along). */
    public long unreadOf(long lastSeq) {
        return Math.max(0, lastSeq - readSeq);
    }
}
