package com.usdtagent.socketio;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@link UserLimits} of a single node: the buckets and the sockets of each user in this node's memory. */
final class LocalUserLimits implements UserLimits {

    private final SocketSettings.Limits limits;
    private final Consumer<SocketId> disconnect;
    private final Map<UserId, RateLimit> buckets = new ConcurrentHashMap<>();
    /** Each user's sockets in the order they connected. */
    private final Map<UserId, SequencedSet<SocketId>> sockets = new ConcurrentHashMap<>();

    /** @param disconnect closes a socket of this node */
    LocalUserLimits(SocketSettings.Limits limits, Consumer<SocketId> disconnect) {
        this.limits = limits;
        this.disconnect = disconnect;
    }

    @Override
    public CompletionStage<Boolean> tryEvent(UserId user) {
        return CompletableFuture.completedFuture(tryEventHere(user));
    }

    /** This node's bucket of the user. */
    boolean tryEventHere(UserId user) {
        return buckets.computeIfAbsent(user, any -> new RateLimit(limits.eventsBurst(), limits.eventsPerSecond()))
                .tryAcquire();
    }

    @Override
    public void admit(UserId user, SocketId socket) {
        List<SocketId> over = new ArrayList<>();
        sockets.compute(user, (any, held) -> {
            SequencedSet<SocketId> now = held == null ? new LinkedHashSet<>() : held;
            now.add(socket);
            while (now.size() > limits.socketsPerUser()) {
                over.add(now.removeFirst());
            }
            return now;
        });
        over.forEach(disconnect);
    }

    @Override
    public void release(UserId user, SocketId socket) {
        sockets.computeIfPresent(user, (any, held) -> {
            held.remove(socket);
            return held.isEmpty() ? null : held;
        });
    }

    /** Forgets the buckets that have filled up again: a fresh one is the same. */
    void forgetFullBuckets() {
        buckets.values().removeIf(RateLimit::isFull);
    }

    @Override
    public void close() {
        // nothing held outside this object
    }
}
