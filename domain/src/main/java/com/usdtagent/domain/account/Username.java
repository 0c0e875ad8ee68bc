package com.usdtagent.domain.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** A public handle: 3 to 32 letters, digits, '_' or '.'; unique without regard to case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.]{3,32}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("a username is 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && ALLOWED.matcher(candidate).matches();
    }

    /** The form two usernames are compared in. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
