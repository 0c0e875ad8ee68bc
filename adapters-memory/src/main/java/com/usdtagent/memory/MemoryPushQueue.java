package com.usdtagent.memory;

import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.push.QueuedPush;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The push outbox, as {@code JdbiPushQueue}: a claim locks due rows skipping those another claimer holds, and moves
 * them to the end of the lease before it commits; settling a row whose claim has been overtaken changes nothing.
 */
final class MemoryPushQueue implements PushQueue {

    /** An identity column: numbers taken by a transaction that rolled back are not reused. */
    private final AtomicLong ids = new AtomicLong();
    private final MemoryStore store;
    private final PushTables tables;

    MemoryPushQueue(MemoryStore store, PushTables tables) {
        this.store = store;
        this.tables = tables;
    }

    @Override
    public void enqueue(List<Addressed> pushes, Instant now) {
        store.atomically(() -> pushes.forEach(push -> tables.devices
                .rows(device -> device.user().equals(push.recipient())).stream()
                .map(Map.Entry::getKey)
                .forEach(token -> {
                    long id = ids.incrementAndGet();
                    tables.outbox.insert(id, new PushTables.Row(id, token, push.message(), false, 0, now, null));
                })));
    }

    @Override
    public List<QueuedPush> claim(int limit, Instant now, Duration lease) {
        return store.atomically(() -> tables.outbox
                .claim(row -> row.isDue(now), Comparator.comparing(PushTables.Row::nextAttemptAt), limit).stream()
                .map(row -> {
                    var claimed = new PushTables.Row(row.id(), row.token(), row.message(), false, row.attempts() + 1,
                            now.plus(lease), row.lastError());
                    tables.outbox.put(row.id(), claimed);
                    return new QueuedPush(row.id(), row.token(), row.message(), claimed.attempts());
                })
                .toList());
    }

    @Override
    public void markSent(Collection<QueuedPush> sent) {
        sent.forEach(push -> settle(push, row -> tables.outbox.delete(row.id())));
    }

    @Override
    public void retryAt(QueuedPush push, Instant at, String reason) {
        settle(push, row -> tables.outbox.put(row.id(),
                new PushTables.Row(row.id(), row.token(), row.message(), false, row.attempts(), at, reason)));
    }

    @Override
    public void markFailed(QueuedPush push, String reason) {
        settle(push, row -> tables.outbox.put(row.id(),
                new PushTables.Row(row.id(), row.token(), row.message(), true, row.attempts(), row.nextAttemptAt(), reason)));
    }

    /** Settles the row only while it is still this claim's: pending, and not claimed again since. */
    private void settle(QueuedPush push, Consumer<PushTables.Row> settlement) {
        store.atomically(() -> tables.outbox.lock(push.id()).filter(row -> row.isClaim(push.attempt())).ifPresent(settlement));
    }
}
