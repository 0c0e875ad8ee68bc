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

    /**
     * This member's pointers once they posted message {@code seq} of {@code type}. Writing a text means having seen
     * the room, so it reads everything up to it. A system or call message the member caused (their order step, their
     * call) is theirs and not unread for them; but it must not mark unread messages read unseen, so when there are
     * some it simply counts among them.
     */
    public ReadPointers posted(MessageType type, long seq) {
        return type == MessageType.TEXT || readSeq == seq - 1 ? read(seq) : this;
    }

    /**
     * This member's pointers once somebody else's message {@code seq} of {@code type} is in the room: a member viewing
     * the room reads it at once, whatever it is, since it appears in front of them. Elsewhere a text reaches a member
     * with a socket connected delivered, while system and call messages, which nobody wrote to them, wait for the
     * member's own receipt.
     */
    public ReadPointers arrived(MessageType type, long seq, boolean online, boolean viewing) {
        if (viewing) {
            return read(seq);
        }
        return type == MessageType.TEXT && online ? delivered(seq) : this;
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
