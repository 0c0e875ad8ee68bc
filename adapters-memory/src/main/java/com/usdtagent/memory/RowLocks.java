package com.usdtagent.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on rows and other keys, held by a transaction until it ends, as PostgreSQL's row locks are.
 * A wait that would close a cycle of transactions waiting for each other fails at once, as PostgreSQL's deadlock
 * detector makes one of them fail.
 */
final class RowLocks {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition released = mutex.newCondition();
    private final Map<Object, Transaction> owners = new HashMap<>();
    private final Map<Transaction, Transaction> waitsFor = new HashMap<>();

    /** Waits until nobody else holds {@code key}, then holds it. */
    void lock(Transaction tx, Object key) {
        mutex.lock();
        try {
            Transaction owner;
            while ((owner = owners.get(key)) != null && owner != tx) {
                if (waitingCloses(owner, tx)) {
                    throw new IllegalStateException("deadlock detected: transactions wait for each other's locks");
                }
                waitsFor.put(tx, owner);
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a lock", e);
                } finally {
                    waitsFor.remove(tx);
                }
            }
            take(tx, key);
        } finally {
            mutex.unlock();
        }
    }

    /** Holds {@code key} when nobody else does; false, without waiting, when somebody does (SKIP LOCKED). */
    boolean tryLock(Transaction tx, Object key) {
        mutex.lock();
        try {
            Transaction owner = owners.get(key);
            if (owner != null && owner != tx) {
                return false;
            }
            take(tx, key);
            return true;
        } finally {
            mutex.unlock();
        }
    }

    private void take(Transaction tx, Object key) {
        if (owners.putIfAbsent(key, tx) == null) {
            tx.held.add(key);
        }
    }

    void releaseAll(Transaction tx) {
        mutex.lock();
        try {
            tx.held.forEach(owners::remove);
            tx.held.clear();
            released.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Whether {@code owner} waits, directly or through others, for {@code tx}. */
    private boolean waitingCloses(Transaction owner, Transaction tx) {
        Transaction next = owner;
        for (int hops = 0; next != null && hops <= waitsFor.size(); hops++) {
            if (next == tx) {
                return true;
            }
            next = waitsFor.get(next);
        }
        return false;
    }
}
