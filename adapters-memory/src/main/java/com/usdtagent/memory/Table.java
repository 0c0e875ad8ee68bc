package com.usdtagent.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rows by key, as one table of the {@link MemoryStore}: reads see the committed rows and the reading transaction's
 * own writes; writes lock the row and stay private to their transaction until it commits. A unique index is a
 * table of its own, keyed by the unique value: inserting a taken value fails, and an insert of a value another
 * transaction is inserting waits for that transaction, as PostgreSQL's unique indexes do.
 */
final class Table<K, V> {

    private final MemoryStore store;
    /** Guarded by the store's read-write lock. */
    private final Map<K, V> committed = new HashMap<>();

    Table(MemoryStore store) {
        this.store = store;
    }

    Optional<V> find(K key) {
        return store.read(() -> {
            Transaction tx = store.currentOrNull();
            Optional<V> written = tx == null ? null : tx.writesTo(this).get(key);
            return written != null ? written : Optional.ofNullable(committed.get(key));
        });
    }

    /** The visible rows whose value is {@code wanted}, in no order. */
    List<Map.Entry<K, V>> rows(Predicate<? super V> wanted) {
        return store.read(() -> {
            Transaction tx = store.currentOrNull();
            Map<K, Optional<V>> mine = tx == null ? Map.of() : tx.writesTo(this);
            List<Map.Entry<K, V>> rows = new ArrayList<>();
            committed.forEach((key, value) -> {
                if (!mine.containsKey(key) && wanted.test(value)) {
                    rows.add(Map.entry(key, value));
                }
            });
            mine.forEach((key, value) -> value.filter(wanted).ifPresent(row -> rows.add(Map.entry(key, row))));
            return rows;
        });
    }

    List<V> values(Predicate<? super V> wanted) {
        return rows(wanted).stream().map(Map.Entry::getValue).toList();
    }

    /** Reads the row and holds its lock until the transaction ends ({@code FOR UPDATE}). */
    Optional<V> lock(K key) {
        store.lock(rowKey(key));
        return find(key);
    }

    /**
     * Locks up to {@code limit} rows that are {@code wanted}, in {@code order}, skipping those another transaction
     * holds ({@code FOR UPDATE SKIP LOCKED}); each is read again once locked, as PostgreSQL rechecks a row.
     */
    List<V> claim(Predicate<? super V> wanted, Comparator<? super V> order, int limit) {
        List<Map.Entry<K, V>> candidates = new ArrayList<>(rows(wanted));
        candidates.sort(Map.Entry.comparingByValue(order));
        List<V> claimed = new ArrayList<>();
        for (Map.Entry<K, V> candidate : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            if (store.tryLock(rowKey(candidate.getKey()))) {
                find(candidate.getKey()).filter(wanted).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** Inserts or replaces the row. */
    void put(K key, V value) {
        store.lock(rowKey(key));
        store.transaction().write(this, key, Optional.of(value));
    }

    /** Inserts the row unless one with the key exists ({@code ON CONFLICT DO NOTHING}). */
    boolean insertIfAbsent(K key, V value) {
        if (lock(key).isPresent()) {
            return false;
        }
        put(key, value);
        return true;
    }

    /** Inserts the row; a key that exists is a bug of the caller, as a primary key violation is. */
    void insert(K key, V value) {
        if (!insertIfAbsent(key, value)) {
            throw new IllegalStateException("duplicate key " + key);
        }
    }

    /** @return whether there was a row to delete */
    boolean delete(K key) {
        if (lock(key).isEmpty()) {
            return false;
        }
        store.transaction().write(this, key, Optional.empty());
        return true;
    }

    /** Makes a committing transaction's rows the committed ones; the caller holds the store's write lock. */
    @SuppressWarnings("unchecked")
    void publish(Map<Object, Optional<Object>> rows) {
        rows.forEach((key, value) -> {
            if (value.isPresent()) {
                committed.put((K) key, (V) value.get());
            } else {
                committed.remove((K) key);
            }
        });
    }

    private RowKey rowKey(K key) {
        return new RowKey(this, key);
    }

    /** A row's lock: the table by identity, and the key. */
    private record RowKey(Table<?, ?> table, Object key) {
    }
}
