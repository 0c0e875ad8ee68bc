package com.usdtagent.domain.trade;

import java.math.BigDecimal;

/** An amount of fiat money or a price per USDT: exact, never negative, in cents (2 decimals). */
public record Fiat(BigDecimal value) implements Comparable<Fiat> {

    public static final int SCALE = 2;
    /** The largest fiat total of an order: 20 digits before the point, as the database keeps it. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("99999999999999999999.99");

    public Fiat {
        value = Decimals.exact(value, SCALE, "a fiat amount");
    }

    /** Reads a positive decimal string from a request, refusing it as {@code field} otherwise. */
    public static Fiat parsePositive(String field, String text) {
        return new Fiat(Decimals.parsePositive(field, text, SCALE));
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
