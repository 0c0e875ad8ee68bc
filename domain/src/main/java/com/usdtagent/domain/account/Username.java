package com.usdtagent.domain.account;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A public handle: 3 to 32 letters, digits, '_' or '.'; unique without regard to case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.]{3,32}");
    private static final List<String> STAFF_SKELETONS = Stream.of("admin", "support", "system", "moderator",
            "official", "helpdesk").map(Username::skeleton).toList();

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("a username is 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && ALLOWED.matcher(candidate).matches();
    }

    /**
     * Whether a name would pass for the staff's: {@code admin}, {@code support}, {@code system}, {@code moderator} and
     * the like, in any case, with digits for look-alike letters ({@code adm1n}), doubled letters ({@code suppport})
     * or separators ({@code Admin_}), alone or at the start of the name.
     */
    public static boolean impersonatesStaff(String candidate) {
        String skeleton = skeleton(candidate);
        return STAFF_SKELETONS.stream().anyMatch(skeleton::startsWith);
    }

    /** Lower case, look-alike digits as letters, separators dropped, runs of one letter as one. */
    private static String skeleton(String name) {
        StringBuilder skeleton = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            char letter = switch (c) {
                case '0' -> 'o';
                case '1', 'l', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            };
            if (Character.isLetterOrDigit(letter)
                    && (skeleton.isEmpty() || skeleton.charAt(skeleton.length() - 1) != letter)) {
                skeleton.append(letter);
            }
        }
        return skeleton.toString();
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
