package com.usdtagent.persistence;

import java.util.List;
import java.util.function.Function;

/** The columns of a multi-row write, each bound as one array and unnested in the statement. */
final class SqlArrays {

    private SqlArrays() {
    }

    /** One column: {@code value} of each item, in order. */
    static <T, V> List<V> each(List<T> items, Function<T, V> value) {
        return items.stream().map(value).toList();
    }
}
