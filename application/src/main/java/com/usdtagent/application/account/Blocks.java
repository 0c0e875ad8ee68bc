package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Who blocked whom. A block in either direction keeps two people from starting anything new together. */
public interface Blocks {

    /** A block, as its blocker lists it. */
    record Block(UserId blocked, Instant at) {
    }

    /** Blocking someone blocked already changes nothing. */
    void add(UserId blocker, UserId blocked, Instant at);

    void remove(UserId blocker, UserId blocked);

    /** The blocker's blocks, newest first. */
    List<Block> of(UserId blocker);

    /** Two people, in no particular order. */
    record Pair(UserId one, UserId other) {
    }

    /** The pairs, as given, in which one of the two blocked the other: a batch of sends asks once. */
    Set<Pair> blockedAmong(Collection<Pair> pairs);

    /** Whether one of the two blocked the other. */
    default boolean between(UserId one, UserId other) {
        return !blockedAmong(List.of(new Pair(one, other))).isEmpty();
    }

    /** Who blocked {@code user}: their offers are not listed to {@code user}. */
    Set<UserId> blockersOf(UserId user);

    /** Refuses with {@code FORBIDDEN} when one of the two blocked the other. */
    default void refuseIfBlocked(UserId one, UserId other) {
        if (between(one, other)) {
            throw refusal();
        }
    }

    static BusinessException refusal() {
        return new BusinessException(ErrorCode.FORBIDDEN, "Not allowed: one of you has blocked the other");
    }
}
