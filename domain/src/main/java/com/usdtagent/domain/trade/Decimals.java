package com.usdtagent.domain.trade;

import com.usdtagent.domain.shared.BusinessException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The decimal strings of the contracts: digits, an optional point and a bounded number of decimals, no exponent. */
final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("\\d{1,15}(\\.\\d+)?");

    private Decimals() {
    }

    static BigDecimal parse(String field, String text, int maxScale) {
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
