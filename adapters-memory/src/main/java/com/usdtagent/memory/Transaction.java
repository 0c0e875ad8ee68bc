package com.usdtagent.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One thread's transaction: the rows it wrote, which nobody else sees until it commits, and the locks it holds.
 * A written row is its new value, or empty when the transaction deleted it. Each write is logged with how to take
 * it back, so that a port call that fails undoes its own writes and keeps the caller's earlier ones.
 */
final class Transaction {

    /** The keys of {@link RowLocks} this transaction holds; touched only under that class's mutex. */
    final Set<Object> held = new HashSet<>();
    private final Map<Table<?, ?>, Map<Object, Optional<Object>>> writes = new LinkedHashMap<>();
    private final List<Runnable> undo = new ArrayList<>();

    /** What this transaction wrote to {@code table}: a row it never wrote is absent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <K, V> Map<K, Optional<V>> writesTo(Table<K, V> table) {
        return (Map) writes.getOrDefault(table, Map.of());
    }

    /** Writes the row's new value, or its deletion when empty. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <K, V> void write(Table<K, V> table, K key, Optional<V> value) {
        Map<Object, Optional<Object>> rows = writes.computeIfAbsent(table, t -> new HashMap<>());
        boolean written = rows.containsKey(key);
        Optional<Object> before = rows.put(key, (Optional) value);
        undo.add(written ? () -> rows.put(key, before) : () -> rows.remove(key));
    }

    /** A point to go back to if what follows fails. */
    int savepoint() {
        return undo.size();
    }

    void rollbackTo(int savepoint) {
        while (undo.size() > savepoint) {
            undo.removeLast().run();
        }
    }

    /** Makes every write the committed state; the caller holds the store's write lock. */
    void publish() {
        writes.forEach(Table::publish);
    }
}
