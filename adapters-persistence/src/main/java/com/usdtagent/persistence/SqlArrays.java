package com.usdtagent.persistence;

import org.jdbi.v3.core.argument.Argument;

import java.util.List;
import java.util.function.Function;

/** The columns of a multi-row write, each bound as one array and unnested in the statement. */
final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * Values bound as one array of {@code sqlType}, set on the statement as they are: JDBI's {@code bindArray} looks
     * up an argument factory and the element type again on every bind, a tenth of a busy node's time.
     */
    static Argument array(String sqlType, List<?> values) {
        Object[] elements = values.toArray();
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf(sqlType, elements));
    }

    /** One column: {@code value} of each item, in order. */
    static <T, V> List<V> each(List<T> items, Function<T, V> value) {
        return items.stream().map(value).toList();
    }
}
