package com.usdtagent.domain.call;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One voice call between the two members of a room: ringing, then accepted and ended, or rejected, cancelled,
 * missed or failed before anybody answered. Each step returns the next session; an illegal step is
 * {@code INVALID_STATE} and the wrong participant is {@code FORBIDDEN}.
 *
 * @param channelName the Agora channel: random, so that nobody can guess it or tie it to a person
 * @param callerUid   the caller's RTC uid in this call: a random unsigned 32-bit number, never 0
 */
public record CallSession(CallId id, RoomId roomId, UserId caller, UserId callee, CallStatus status,
                          String channelName, long callerUid, long calleeUid, Instant startedAt,
                          Instant answeredAt, Instant endedAt) {

    private static final int CHANNEL_NAME_BYTES = 16;
    private static final long MAX_UID = 0xFFFF_FFFFL;

    public CallSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(startedAt, "startedAt");
        if (caller.equals(callee)) {
            throw new IllegalArgumentException("a call has two different participants");
        }
        if (!isUid(callerUid) || !isUid(calleeUid) || callerUid == calleeUid) {
            throw new IllegalArgumentException("the uids are two different numbers from 1 to 2^32-1");
        }
    }

    /**
     * A new ringing call. The channel name (128 random bits) and the uids come from {@code random} alone, never
     * from anything known about the participants.
     */
    public static CallSession ring(RoomId room, UserId caller, UserId callee, Instant now, RandomGenerator random) {
        byte[] channel = new byte[CHANNEL_NAME_BYTES];
        random.nextBytes(channel);
        long callerUid = randomUid(random);
        long calleeUid;
        do {
            calleeUid = randomUid(random);
        } while (calleeUid == callerUid);
        return new CallSession(CallId.newId(), room, caller, callee, CallStatus.RINGING,
                HexFormat.of().formatHex(channel), callerUid, calleeUid, now, null, null);
    }

    public CallSession accept(UserId actor, Instant now) {
        requireCallee(actor, "accept");
        requireStatus(CallStatus.RINGING);
        return with(CallStatus.ACCEPTED, now, null);
    }

    public CallSession reject(UserId actor, Instant now) {
        requireCallee(actor, "reject");
        requireStatus(CallStatus.RINGING);
        return with(CallStatus.REJECTED, null, now);
    }

    public CallSession cancel(UserId actor, Instant now) {
        requireParticipant(actor);
        if (!actor.equals(caller)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only the caller can cancel a call");
        }
        requireStatus(CallStatus.RINGING);
        return with(CallStatus.CANCELLED, null, now);
    }

    public CallSession end(UserId actor, Instant now) {
        requireParticipant(actor);
        requireStatus(CallStatus.ACCEPTED);
        return with(CallStatus.ENDED, answeredAt, now);
    }

    /** Nobody answered within the ring timeout. */
    public CallSession miss(Instant now) {
        requireStatus(CallStatus.RINGING);
        return with(CallStatus.MISSED, null, now);
    }

    /** A participant lost every connection: a ringing call failed, a call under way ended. */
    public CallSession drop(Instant now) {
        return switch (status) {
            case RINGING -> with(CallStatus.FAILED, null, now);
            case ACCEPTED -> with(CallStatus.ENDED, answeredAt, now);
            default -> throw invalidState();
        };
    }

    public boolean hasParticipant(UserId user) {
        return caller.equals(user) || callee.equals(user);
    }

    public UserId otherThan(UserId participant) {
        requireParticipant(participant);
        return caller.equals(participant) ? callee : caller;
    }

    /** The uid {@code participant} joins the channel with. */
    public long uidOf(UserId participant) {
        requireParticipant(participant);
        return caller.equals(participant) ? callerUid : calleeUid;
    }

    /** Seconds talked: from answer to end, 0 for a call never answered or not over yet. */
    public long durationSeconds() {
        return answeredAt == null || endedAt == null ? 0 : Duration.between(answeredAt, endedAt).toSeconds();
    }

    private CallSession with(CallStatus next, Instant answered, Instant ended) {
        return new CallSession(id, roomId, caller, callee, next, channelName, callerUid, calleeUid, startedAt,
                answered, ended);
    }

    private void requireParticipant(UserId actor) {
        if (!hasParticipant(actor)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "You are not a participant of this call");
        }
    }

    private void requireCallee(UserId actor, String verb) {
        requireParticipant(actor);
        if (!actor.equals(callee)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only the callee can " + verb + " a call");
        }
    }

    private void requireStatus(CallStatus expected) {
        if (status != expected) {
            throw invalidState();
        }
    }

    private BusinessException invalidState() {
        return new BusinessException(ErrorCode.INVALID_STATE, "The call is " + status.wireName());
    }

    private static long randomUid(RandomGenerator random) {
        return random.nextLong(1, MAX_UID + 1);
    }

    private static boolean isUid(long uid) {
        return uid >= 1 && uid <= MAX_UID;
    }
}
