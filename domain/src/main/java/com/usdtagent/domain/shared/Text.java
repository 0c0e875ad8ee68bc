package com.usdtagent.domain.shared;

import java.util.Optional;

/** What every text from a client must be, wherever it goes: storable, and not empty by looking empty. */
public final class Text {

    private Text() {
    }

    /**
     * True for null, empty, and text of nothing but spaces of any kind: whitespace, no-break spaces and the
     * zero-width characters that show as nothing.
     */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(Text::isInvisible);
    }

    /**
     * Why the text cannot be stored as it is, if it cannot: PostgreSQL text holds no NUL, control characters are no
     * part of a person's text, and a lone surrogate is no character at all (it would be stored as {@code ?}).
     */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain unpaired surrogates");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain NUL or other control characters");
            }
        }
        return Optional.empty();
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == '\u200B' || codePoint == '\u200C' || codePoint == '\u200D' || codePoint == '\u2060'
                || codePoint == '\uFEFF' || codePoint == '\u180E' || codePoint == '\u00AD';
    }
}
