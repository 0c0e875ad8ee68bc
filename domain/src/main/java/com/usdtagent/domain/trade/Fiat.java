package com.usdtagent.domain.trade;

import com.usdtagent.domain.shared.BusinessException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of fiat money or a price per USDT: exact, never negative, in cents (2 decimals). */
public record Fiat(BigDecimal value) implements Comparable<Fiat> {

    public static final int SCALE = 2;

    public Fiat {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("not a fiat amount: " + value);
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Reads a positive decimal string from a request, refusing it as {@code field} otherwise. */
    public static Fiat parsePositive(String field, String text) {
        BigDecimal value = Decimals.parse(field, text, SCALE);
        if (value.signum() <= 0) {
            throw BusinessException.invalidField(field, "must be more than 0");
        }
        return new Fiat(value);
    }

    @Override
    public int compareTo(Fiat other) {
        return value.compareTo(other.value);
    }

    public String wire() {
        return Decimals.wire(value);
    }

    @Override
    public String toString() {
        return wire();
    }
}
