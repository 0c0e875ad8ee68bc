package com.usdtagent.domain.trade;

import com.usdtagent.domain.shared.BusinessException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** The decimal strings of the contracts: digits, an optional point and a bounded number of decimals, no exponent. */
final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("\\d{1,15}(\\.\\d+)?");

    private Decimals() {
    }

    /** Reads a decimal string that must be more than 0, refusing it as {@code field} otherwise. */
    static BigDecimal parsePositive(String field, String text, int maxScale) {
        BigDecimal value = parse(field, text, maxScale);
        if (value.signum() <= 0) {
            throw BusinessException.invalidField(field, "must be more than 0");
        }
        return value;
    }

    /** The value at exactly {@code scale} decimals; a negative value or one with more decimals is a bug, not input. */
    static BigDecimal exact(BigDecimal value, int scale, String what) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException("not " + what + ": " + value);
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal parse(String field, String text, int maxScale) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw BusinessException.invalidField(field, "must be a decimal string such as \"12.5\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.stripTrailingZeros().scale() > maxScale) {
            throw BusinessException.invalidField(field, "has more than " + maxScale + " decimals");
        }
        return value;
    }

    static String wire(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
