package com.usdtagent.application.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Writes the requests of concurrent callers in batches, one transaction each: while the writers are busy, the next
 * requests gather, so under load a batch grows and the database does one lock, one insert and one commit for many
 * requests; when idle, a request is written alone at once. A caller blocks (on its virtual thread) until its batch
 * is committed.
 *
 * <p>The batch function answers each request in order; it keeps a request's own refusal in that answer rather than
 * throwing, so that one bad request does not sink its batch. When it throws anyway, each request of the batch is
 * written again alone, so that the failure reaches only the request that caused it.
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final System.Logger log = System.getLogger(GroupCommit.class.getName());

    private record Pending<T, R>(T request, CompletableFuture<R> answer) {
    }

    /** Put in the queue once for each writer by {@link #close}: it stops the writer that takes it. */
    private final Pending<T, R> stop = new Pending<>(null, new CompletableFuture<>());
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private final Function<List<T>, List<R>> writeBatch;
    private final int maxBatch;
    private final List<Thread> writers = new ArrayList<>();

    /**
     * @param writers    batches written at once; more than one lets a batch gather while another commits
     * @param maxBatch   most requests in one batch
     * @param writeBatch writes the requests in one transaction and answers each, in order
     */
    public GroupCommit(String name, int writers, int maxBatch, Function<List<T>, List<R>> writeBatch) {
        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            // platform threads: a writer holding a pooled connection is never queued behind the virtual threads
            // of thousands of sockets for a carrier
            this.writers.add(Thread.ofPlatform().daemon().name(name + "-writer-" + i).start(this::writeUntilStopped));
        }
    }

    /** Returns the request's answer once its batch is committed; throws what writing it alone threw. */
    public R submit(T request) {
        var pending = new Pending<T, R>(request, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            pending.answer().completeExceptionally(notWritten());
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

    private void writeUntilStopped() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            int stops = (int) batch.stream().filter(pending -> pending == stop).count();
            batch.removeIf(pending -> pending == stop);
            for (int other = 1; other < stops; other++) {
                queue.add(stop); // another writer's
            }
            boolean stopping = stops > 0;
            if (!batch.isEmpty()) {
                write(batch);
            }
            if (stopping) {
                return;
            }
            batch.clear();
        }
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
        closed = true;
        writers.forEach(writer -> queue.add(stop));
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Pending<T, R> left; (left = queue.poll()) != null; ) {
            left.answer().completeExceptionally(notWritten());
        }
    }

    private static IllegalStateException notWritten() {
        return new IllegalStateException("the server is stopping: the request was not written");
    }
}
