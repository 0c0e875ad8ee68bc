package com.usdtagent.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One thread's transaction: the rows it wrote, which nobody else sees until it commits, and the locks it holds.
 * A written row is its new value, or empty when the transaction deleted it.
 */
final class Transaction {

    /** The keys of {@link RowLocks} this transaction holds; touched only under that class's mutex. */
    final Set<Object> held = new HashSet<>();
    private Map<Table<?, ?>, Map<Object, Optional<Object>>> writes = new LinkedHashMap<>();

    /** The rows this transaction wrote to {@code table}, to read or to add to. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <K, V> Map<K, Optional<V>> writesTo(Table<K, V> table) {
        return (Map) writes.computeIfAbsent(table, t -> new HashMap<>());
    }

    /** What has been written so far, to go back to if the statement that follows fails. */
    Map<Table<?, ?>, Map<Object, Optional<Object>>> savepoint() {
        Map<Table<?, ?>, Map<Object, Optional<Object>>> copy = new LinkedHashMap<>();
        writes.forEach((table, rows) -> copy.put(table, new HashMap<>(rows)));
        return copy;
    }

    void rollbackTo(Map<Table<?, ?>, Map<Object, Optional<Object>>> savepoint) {
        writes = savepoint;
    }

    /** Makes every write the committed state; the caller holds the store's write lock. */
    void publish() {
        writes.forEach(Table::publish);
    }
}
