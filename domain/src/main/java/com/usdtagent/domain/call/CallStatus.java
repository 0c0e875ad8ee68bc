package com.usdtagent.domain.call;

import java.util.Locale;

/** Where a call stands: it rings, then is talked on or ends without being answered. */
public enum CallStatus {
    RINGING, ACCEPTED, REJECTED, CANCELLED, MISSED, ENDED, FAILED;

    /** Ringing or talking: the participants are busy. */
    public boolean isActive() {
        return this == RINGING || this == ACCEPTED;
    }

    /** The lower-case name the contracts use on the wire and in the call message's outcome. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
