package com.usdtagent.domain.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of USDT: exact, never negative, at most 6 decimals (the token's own precision). */
public record Usdt(BigDecimal value) implements Comparable<Usdt> {

    public static final int SCALE = 6;
    public static final Usdt ZERO = new Usdt(BigDecimal.ZERO);

    public Usdt {
        value = Decimals.exact(value, SCALE, "a USDT amount");
    }

    /** Reads a decimal string from a request, refusing it as {@code field} when it is not a USDT amount. */
    public static Usdt parse(String field, String text) {
        return new Usdt(Decimals.parsePositive(field, text, SCALE));
    }

    public Usdt plus(Usdt other) {
        return new Usdt(value.add(other.value));
    }

    /** The fiat this amount costs at {@code price}, rounded half-up to cents. */
    public Fiat times(Fiat price) {
        return new Fiat(value.multiply(price.value()).setScale(Fiat.SCALE, RoundingMode.HALF_UP));
    }

    @Override
    public int compareTo(Usdt other) {
        return value.compareTo(other.value);
    }

    /** The wire form: a plain decimal string without trailing zeros, such as {@code "125.5"}. */
    public String wire() {
        return Decimals.wire(value);
    }

    @Override
    public String toString() {
        return wire();
    }
}
