package com.usdtagent.domain.account;

import java.util.Locale;

/** What a person is on the marketplace. Users trade with agents; admins settle disputes and may talk to anyone. */
public enum Role {
    USER, AGENT, ADMIN;

    /** The lower-case name the contracts use on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
