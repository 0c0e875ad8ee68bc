package com.usdtagent.domain.chat;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Objects;

/** The one direct room of a pair of people: a user and an agent, or an admin and anyone. */
public record ChatRoom(RoomId id, UserId firstMember, UserId secondMember, long lastSeq, Instant createdAt) {

    public ChatRoom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstMember, "firstMember");
        Objects.requireNonNull(secondMember, "secondMember");
        Objects.requireNonNull(createdAt, "createdAt");
        if (firstMember.equals(secondMember)) {
            throw new IllegalArgumentException("a room has two different members");
        }
    }

    /** Opens a new room for a pair, refusing pairs the marketplace does not allow. */
    public static ChatRoom open(PublicProfile opener, PublicProfile other, Instant now) {
        requirePairable(opener, other);
        return new ChatRoom(RoomId.newId(), opener.id(), other.id(), 0, now);
    }

    public static void requirePairable(PublicProfile opener, PublicProfile other) {
        if (opener.id().equals(other.id())) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "You cannot open a room with yourself");
        }
        boolean withAdmin = opener.role() == Role.ADMIN || other.role() == Role.ADMIN;
        boolean userWithAgent = (opener.role() == Role.USER && other.role() == Role.AGENT)
                || (opener.role() == Role.AGENT && other.role() == Role.USER);
        if (!withAdmin && !userWithAgent) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "A room pairs a user with an agent");
        }
    }

    public boolean hasMember(UserId user) {
        return firstMember.equals(user) || secondMember.equals(user);
    }

    public void requireMember(UserId user) {
        if (!hasMember(user)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "You are not a member of this room");
        }
    }

    public UserId opponentOf(UserId member) {
        requireMember(member);
        return firstMember.equals(member) ? secondMember : firstMember;
    }

    /** The seq the next message of this room gets. */
    public long nextSeq() {
        return lastSeq + 1;
    }
}
