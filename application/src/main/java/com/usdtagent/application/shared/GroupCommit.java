package com.usdtagent.application.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes the requests of concurrent callers in batches, one transaction each: while the writers are busy, the next
 * requests gather, so under load a batch grows and the database does one lock, one insert and one commit for many
 * requests; when idle, a request is written alone at once. A caller blocks (on its virtual thread) until its batch
 * is committed.
 *
 * <p>A writer starts a batch at once when no other is being written; while one is, another writer starts one only
 * when at least {@code overlapAt} requests wait. Every batch costs the database the same fixed price (planning, round
 * trips, the commit's flush), so at moderate rates two writers taking turns at tiny batches spent twice the CPU of
 * one writer taking bigger ones, and on a busy machine that CPU is what delays everything else; a backlog is worth
 * the overlap.
 *
 * <p>Each request has a key (a send's room), and a writer leaves in the queue the requests whose key another writer's
 * batch holds, so that two batches written at once never share one: a batch that shared a room with the one
 * committing would wait for its row lock, and the writers would take turns instead of overlapping. Requests of one
 * key are written in the order they were submitted.
 *
 * <p>The batch function answers each request in order; it keeps a request's own refusal in that answer rather than
 * throwing, so that one bad request does not sink its batch. When it throws anyway, each request of the batch is
 * written again alone, so that the failure reaches only the request that caused it.
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final System.Logger log = System.getLogger(GroupCommit.class.getName());

    private record Pending<T, R>(T request, Object key, CompletableFuture<R> answer) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a request arrives, a batch is written (its keys are free again) or the writers are to stop. */
    private final Condition changed = lock.newCondition();
    private final LinkedList<Pending<T, R>> queue = new LinkedList<>();
    /** The keys of the batches being written. */
    private final Set<Object> writing = new HashSet<>();
    private boolean closed;
    private final Function<T, ?> keyOf;
    private final Function<List<T>, List<R>> writeBatch;
    private final int maxBatch;
    private final int overlapAt;
    private final List<Thread> writers = new ArrayList<>();

    /**
     * @param writers    batches written at once; more than one lets a batch gather while another commits
     * @param maxBatch   most requests in one batch
     * @param overlapAt  requests waiting that let a writer start a batch while another batch is being written
     * @param keyOf      what two batches written at once must not share (by equals and hashCode)
     * @param writeBatch writes the requests in one transaction and answers each, in order
     */
    public GroupCommit(String name, int writers, int maxBatch, int overlapAt, Function<T, ?> keyOf,
                       Function<List<T>, List<R>> writeBatch) {
        this.keyOf = keyOf;
        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
        this.overlapAt = overlapAt;
        for (int i = 0; i < writers; i++) {
            // platform threads: a writer holding a pooled connection is never queued behind the virtual threads
            // of thousands of sockets for a carrier
            this.writers.add(Thread.ofPlatform().daemon().name(name + "-writer-" + i).start(this::writeUntilClosed));
        }
    }

    /** Returns the request's answer once its batch is committed; throws what writing it alone threw. */
    public R submit(T request) {
        var pending = new Pending<T, R>(request, keyOf.apply(request), new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                throw notWritten();
            }
            queue.add(pending);
            changed.signal();
        } finally {
            lock.unlock();
        }
        try {
            return pending.answer().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private void writeUntilClosed() {
        for (List<Pending<T, R>> batch; (batch = nextBatch()) != null; ) {
            try {
                write(batch);
            } finally {
                lock.lock();
                try {
                    batch.forEach(pending -> writing.remove(pending.key()));
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * The oldest requests whose keys no other batch holds, up to a batch, once it is this writer's turn; null once
     * closed and all written.
     */
    private List<Pending<T, R>> nextBatch() {
        lock.lock();
        try {
            while (true) {
                if (writing.isEmpty() || queue.size() >= overlapAt || closed) {
                    List<Pending<T, R>> batch = takeFreeRequests();
                    if (!batch.isEmpty()) {
                        return batch;
                    }
                }
                if (closed && queue.isEmpty()) {
                    return null;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: takes the oldest requests whose keys no other batch holds, up to a batch, and holds their keys. */
    private List<Pending<T, R>> takeFreeRequests() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Iterator<Pending<T, R>> next = queue.iterator(); next.hasNext() && batch.size() < maxBatch; ) {
            Pending<T, R> pending = next.next();
            if (!writing.contains(pending.key())) {
                next.remove();
                batch.add(pending);
            }
        }
        batch.forEach(pending -> writing.add(pending.key()));
        return batch;
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            answer(batch, writeBatch.apply(batch.stream().map(Pending::request).toList()));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.getFirst().answer().completeExceptionally(failure);
                return;
            }
            log.log(System.Logger.Level.DEBUG, "a batch of " + batch.size() + " failed; writing each alone", failure);
            for (Pending<T, R> alone : batch) {
                write(List.of(alone));
            }
        }
    }

    private static <T, R> void answer(List<Pending<T, R>> batch, List<R> answers) {
        if (answers.size() != batch.size()) {
            throw new IllegalStateException(answers.size() + " answers for " + batch.size() + " requests");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(answers.get(i));
        }
    }

    /** Lets the writers write what was queued before, then stops them; later requests fail, unacknowledged. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // requests are left only when a writer died or the wait was interrupted: their callers must not wait forever
        lock.lock();
        try {
            queue.forEach(left -> left.answer().completeExceptionally(notWritten()));
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    private static IllegalStateException notWritten() {
        return new IllegalStateException("the server is stopping: the request was not written");
    }
}
