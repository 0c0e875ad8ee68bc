package com.usdtagent.domain.account;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} and up to 15 digits). Private to its owner: it is never shown
 * to another user.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    @Override
    public String toString() {
        // keeps numbers out of logs that print a record holding one
        return "PhoneNumber[redacted]";
    }
}
