package com.usdtagent.memory;

import com.usdtagent.application.shared.Transactions;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one store behind every in-memory port, with PostgreSQL's READ COMMITTED behaviour: a transaction's writes
 * stay private to it until it commits, and then appear at once and whole; readers never wait for writers; a write
 * takes the row's lock until the transaction ends, so two writers of one row take turns, each on the other's
 * committed result. A port call outside a transaction is a transaction of its own, as in autocommit mode.
 *
 * <p>Like {@code JdbiTransactions}, the transaction belongs to the thread: the ports join it without being handed it,
 * and a nested {@link #inTransaction} joins the outer one.
 */
final class MemoryStore implements Transactions {

    private final ReentrantReadWriteLock committed = new ReentrantReadWriteLock();
    private final RowLocks locks = new RowLocks();
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private volatile boolean closed;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireOpen();
        if (current.get() != null) {
            return work.get();
        }
        Transaction tx = new Transaction();
        current.set(tx);
        try {
            T result = work.get();
            commit(tx);
            return result;
        } finally {
            // a transaction that threw is dropped with its writes: nothing of it was ever visible
            current.remove();
            locks.releaseAll(tx);
        }
    }

    /**
     * One port call, atomic as one SQL statement is: in the caller's transaction, a call that throws takes back
     * its own writes (not the caller's earlier ones); outside one, it is a transaction of its own.
     */
    <T> T atomically(Supplier<T> work) {
        Transaction tx = current.get();
        if (tx == null) {
            return inTransaction(work);
        }
        int savepoint = tx.savepoint();
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            tx.rollbackTo(savepoint);
            throw failure;
        }
    }

    void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return null;
        });
    }

    /** Reads under the read lock, so that a commit is seen whole or not at all; never waits for a row lock inside. */
    <T> T read(Supplier<T> read) {
        requireOpen();
        committed.readLock().lock();
        try {
            return read.get();
        } finally {
            committed.readLock().unlock();
        }
    }

    /** The thread's transaction, or null outside one. */
    Transaction currentOrNull() {
        return current.get();
    }

    Transaction transaction() {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("writes and locks need a transaction: call them through atomically");
        }
        return tx;
    }

    /** Waits for, then holds until the transaction ends, the lock on {@code key} (a row, or any value). */
    void lock(Object key) {
        locks.lock(transaction(), key);
    }

    /** Holds the lock on {@code key} unless another transaction does. */
    boolean tryLock(Object key) {
        return locks.tryLock(transaction(), key);
    }

    boolean isOpen() {
        return !closed;
    }

    void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the in-memory store is closed");
        }
    }

    private void commit(Transaction tx) {
        committed.writeLock().lock();
        try {
            tx.publish();
        } finally {
            committed.writeLock().unlock();
        }
    }
}
