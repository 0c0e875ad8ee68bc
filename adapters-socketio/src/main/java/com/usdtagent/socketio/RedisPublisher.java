package com.usdtagent.socketio;

import com.corundumstudio.socketio.store.pubsub.PubSubListener;
import com.corundumstudio.socketio.store.pubsub.PubSubMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import com.corundumstudio.socketio.store.pubsub.PubSubType;
import org.redisson.api.BatchOptions;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * netty-socketio's publishing to the other nodes, taken off the caller's thread: its own store publishes each emit
 * synchronously, so while Redis did not answer, every send waited seconds for its announce (and Netty's event loop
 * for the connect and join messages of a new socket). Here an emit only joins a queue; one thread publishes the queue
 * in order, in pipelined batches that Redis gets a second to answer. When it does not, the batch and whatever queued
 * meanwhile are dropped, and the other nodes' sockets catch up as after any reconnect (`chat-history` with `after`);
 * each later batch tries again, so emits flow again as soon as Redis is back. Subscriptions stay with netty-socketio's
 * store, which Redisson renews by itself after a reconnect.
 */
final class RedisPublisher implements PubSubStore {

    private static final Logger log = LoggerFactory.getLogger(RedisPublisher.class);
    /** About a second of a busy node's emits; beyond it Redis is not keeping up and emits are dropped. */
    private static final int MAX_QUEUED = 50_000;
    private static final int MAX_BATCH = 1_000;
    private static final BatchOptions FAIL_FAST = BatchOptions.defaults()
            .responseTimeout(1, TimeUnit.SECONDS).retryAttempts(0);

    private record Emit(PubSubType type, PubSubMessage message) {
    }

    private static final Emit STOP = new Emit(null, null);

    private final RedissonClient redisson;
    private final PubSubStore subscriptions;
    private final Long nodeId;
    private final BlockingQueue<Emit> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread publisher;
    /** Whether the last batch failed; only the publisher's thread reads and writes it. */
    private boolean failing;

    /** @param subscriptions netty-socketio's store for this node, whose subscriptions this keeps */
    RedisPublisher(RedissonClient redisson, PubSubStore subscriptions, Long nodeId) {
        this.redisson = redisson;
        this.subscriptions = subscriptions;
        this.nodeId = nodeId;
        this.publisher = Thread.ofPlatform().daemon().name("redis-publisher").start(this::publishUntilStopped);
    }

    @Override
    public void publish(PubSubType type, PubSubMessage message) {
        message.setNodeId(nodeId); // each node skips its own messages
        if (!queue.offer(new Emit(type, message))) {
            log.debug("Redis publishing {} behind: a {} emit to the other nodes dropped", MAX_QUEUED, type);
        }
    }

    private void publishUntilStopped() {
        List<Emit> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                publish(batch);
            }
            if (stopping) {
                return;
            }
            batch.clear();
        }
    }

    private void publish(List<Emit> batch) {
        var pipeline = redisson.createBatch(FAIL_FAST);
        batch.forEach(emit -> pipeline.getTopic(emit.type().toString()).publishAsync(emit.message()));
        try {
            pipeline.execute();
            if (failing) {
                log.info("Redis answers again: emits reach the other nodes");
                failing = false;
            }
        } catch (RuntimeException unanswered) {
            List<Emit> late = new ArrayList<>();
            queue.drainTo(late);
            if (late.remove(STOP)) {
                queue.add(STOP);
            }
            int dropped = batch.size() + late.size();
            if (!failing) {
                log.warn("Redis did not answer ({}): emits to the other nodes are dropped until it does; their "
                        + "sockets catch up on their next sync", unanswered.toString());
                failing = true;
            }
            log.debug("{} emits to the other nodes dropped", dropped);
        }
    }

    @Override
    public <T extends PubSubMessage> void subscribe(PubSubType type, PubSubListener<T> listener, Class<T> clazz) {
        subscriptions.subscribe(type, listener, clazz);
    }

    @Override
    public void unsubscribe(PubSubType type) {
        subscriptions.unsubscribe(type);
    }

    /** Publishes what is queued (a few seconds at most), then stops. */
    @Override
    public void shutdown() {
        while (!queue.offer(STOP)) {
            queue.poll(); // a full queue means Redis is not answering anyway
        }
        try {
            publisher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscriptions.shutdown();
    }
}
