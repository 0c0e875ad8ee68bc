package com.usdtagent.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message's details as they come back from PostgreSQL's {@code jsonb} through Jackson, so that a reader sees the
 * same values in memory: whole numbers (written without a decimal point) as the smallest of int, long and BigInteger
 * that holds them, other numbers as double, lists and maps inside each other likewise, any other value as its string.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Map<String, Object> asStored(Map<String, Object> details) {
        var stored = new LinkedHashMap<String, Object>();
        details.forEach((key, value) -> stored.put(key, asStored(value)));
        return stored;
    }

    private static Object asStored(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case BigInteger number -> wholeNumber(number);
            case BigDecimal number when number.scale() == 0 -> wholeNumber(number.toBigInteger());
            case Byte number -> number.intValue();
            case Short number -> number.intValue();
            case Integer number -> number;
            case Long number -> wholeNumber(BigInteger.valueOf(number));
            case Number number -> number.doubleValue();
            case Map<?, ?> map -> {
                var stored = new LinkedHashMap<String, Object>();
                map.forEach((key, inner) -> stored.put(String.valueOf(key), asStored(inner)));
                yield stored;
            }
            case Collection<?> list -> list.stream().map(JsonValues::asStored).toList();
            default -> value.toString();
        };
    }

    private static Object wholeNumber(BigInteger number) {
        if (number.bitLength() < Integer.SIZE) {
            return number.intValue();
        }
        return number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
    }
}
