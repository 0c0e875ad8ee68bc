package com.usdtagent.application.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Attempts counted per key (an account's failed logins, an address's registrations) in windows, and blocks until
 * a time: kept where every node sees them. Joins the caller's transaction when there is one.
 */
public interface AttemptCounters {

    /**
     * Counts one attempt under {@code key} at {@code now}. The count starts over at 1, in a window beginning now, when
     * its window began before {@code windowStart} and no block of the key ended after {@code windowStart}: so a count
     * keeps growing while its key is refused, and starts over after a quiet window.
     */
    Count add(String key, Instant now, Instant windowStart);

    /** Refuses the key until then; a later block already set stays. */
    void block(String key, Instant until);

    /** When the key's block ends, if it ends after {@code now}. */
    Optional<Instant> blockedUntil(String key, Instant now);

    /** Forgets the key's count and block. */
    void clear(String key);

    /** Forgets the keys whose window began, and whose block ended, before then. */
    void forgetBefore(Instant before);

    /** @param attempts the attempts in the window, this one included */
    record Count(int attempts, Instant windowStartedAt) {
    }
}
