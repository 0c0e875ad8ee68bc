package com.usdtagent.socketio;

import com.corundumstudio.socketio.store.pubsub.BulkJoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.DispatchMessage;
import com.corundumstudio.socketio.store.pubsub.JoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubListener;
import com.corundumstudio.socketio.store.pubsub.PubSubMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import com.corundumstudio.socketio.store.pubsub.PubSubType;
import org.redisson.api.BatchOptions;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * netty-socketio's pub/sub between nodes, with one Redis channel per room instead of one for every room: a node
 * subscribes to the rooms its own sockets are in (a user's room, a socket's room) and hears only their emits, so
 * that each message reaches the nodes of its recipients rather than every node. Joins and leaves stay on their
 * node: another node needs no list of this one's sockets.
 * <p>
 * Publishing is taken off the caller's thread: netty-socketio's own store publishes each emit synchronously, so
 * while Redis did not answer, every send waited seconds for its announce. Here an emit only joins a queue; one thread
 * publishes the queue in order, in pipelined batches that Redis gets a second to answer. When it does not, the batch
 * and whatever queued meanwhile are dropped, and the other nodes' sockets catch up as after any reconnect
 * ({@code chat-history} with {@code after}); each later batch tries again, so emits flow again as soon as Redis is
 * back. Redisson renews the subscriptions by itself after a reconnect.
 */
final class RedisRooms implements PubSubStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRooms.class);
    /** About a second of a busy node's emits; beyond it Redis is not keeping up and emits are dropped. */
    private static final int MAX_QUEUED = 50_000;
    private static final int MAX_BATCH = 1_000;
    private static final BatchOptions FAIL_FAST = BatchOptions.defaults()
            .responseTimeout(1, TimeUnit.SECONDS).retryAttempts(0);
    /** The namespace's room, which every socket joins; nothing is sent to it. */
    private static final String EVERY_SOCKET = "";

    /** @param codec how the message is written: {@link RoomEmitCodec} for a room's, Redisson's default else */
    private record Emit(String channel, Codec codec, PubSubMessage message) {
    }

    private static final Emit STOP = new Emit(null, null, null);

    private final RedissonClient redisson;
    private final PubSubStore others;
    private final Long nodeId;
    private final RoomEmitCodec roomEmits;
    private final BlockingQueue<Emit> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread publisher;
    /** Of each room with sockets of this node: how many, and its channel's listener; guarded by {@code this}. */
    private final Map<String, Integer> localSockets = new HashMap<>();
    private final Map<String, CompletableFuture<Integer>> listeners = new HashMap<>();
    private volatile PubSubListener<DispatchMessage> dispatch = message -> { };
    /** Whether the last batch failed; only the publisher's thread reads and writes it. */
    private boolean failing;

    /** @param others netty-socketio's store for this node, which keeps the channels of everything but rooms */
    RedisRooms(RedissonClient redisson, PubSubStore others, Long nodeId) {
        this.redisson = redisson;
        this.others = others;
        this.nodeId = nodeId;
        this.roomEmits = new RoomEmitCodec(nodeId);
        this.publisher = Thread.ofPlatform().daemon().name("redis-publisher").start(this::publishUntilStopped);
    }

    @Override
    public void publish(PubSubType type, PubSubMessage message) {
        switch (type) {
            case JOIN -> joined(((JoinLeaveMessage) message).getRoom());
            case BULK_JOIN -> ((BulkJoinLeaveMessage) message).getRooms().forEach(this::joined);
            case LEAVE -> left(((JoinLeaveMessage) message).getRoom());
            case BULK_LEAVE -> ((BulkJoinLeaveMessage) message).getRooms().forEach(this::left);
            case DISPATCH -> enqueue(channel(((DispatchMessage) message).getRoom()), roomEmits, message);
            default -> enqueue(type.toString(), redisson.getConfig().getCodec(), message);
        }
    }

    /** When Redis has this node listening to the room's channel; at once for a room none of its sockets is in. */
    synchronized CompletionStage<?> subscribed(String room) {
        CompletableFuture<Integer> listener = listeners.get(room);
        return listener != null ? listener : CompletableFuture.completedFuture(null);
    }

    private synchronized void joined(String room) {
        if (!room.equals(EVERY_SOCKET) && localSockets.merge(room, 1, Integer::sum) == 1) {
            listeners.put(room, redisson.getTopic(channel(room), roomEmits)
                    .addListenerAsync(Object.class, (channel, message) -> deliver(message))
                    .toCompletableFuture());
        }
    }

    private synchronized void left(String room) {
        Integer sockets = localSockets.get(room);
        if (sockets == null) {
            return;
        }
        if (sockets > 1) {
            localSockets.put(room, sockets - 1);
            return;
        }
        localSockets.remove(room);
        listeners.remove(room).thenAccept(listener -> redisson.getTopic(channel(room), roomEmits)
                .removeListenerAsync(listener));
    }

    private void deliver(Object message) {
        if (message != RoomEmitCodec.OWN) {
            dispatch.onMessage((DispatchMessage) message);
        }
    }

    private static String channel(String room) {
        return "room:" + room;
    }

    private void enqueue(String channel, Codec codec, PubSubMessage message) {
        message.setNodeId(nodeId); // each node skips its own messages
        if (!queue.offer(new Emit(channel, codec, message))) {
            log.debug("Redis publishing {} behind: an emit to the other nodes dropped", MAX_QUEUED);
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
        batch.forEach(emit -> pipeline.getTopic(emit.channel(), emit.codec()).publishAsync(emit.message()));
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
    @SuppressWarnings("unchecked") // netty-socketio registers the DISPATCH listener for DispatchMessage
    public <T extends PubSubMessage> void subscribe(PubSubType type, PubSubListener<T> listener, Class<T> clazz) {
        switch (type) {
            case DISPATCH -> dispatch = (PubSubListener<DispatchMessage>) listener;
            case JOIN, BULK_JOIN, LEAVE, BULK_LEAVE -> { } // never published: see the class comment
            default -> others.subscribe(type, listener, clazz);
        }
    }

    @Override
    public void unsubscribe(PubSubType type) {
        others.unsubscribe(type);
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
        others.shutdown();
    }
}
