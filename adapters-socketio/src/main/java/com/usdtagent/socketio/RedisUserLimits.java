package com.usdtagent.socketio;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link UserLimits} shared by every node through Redis: each event is one atomic script on the user's bucket, and
 * each user's sockets are a sorted set by connection time. A socket over the cap is named on a channel that every
 * node listens to; the node holding it disconnects it. Times come from Redis, so the nodes' clocks do not matter.
 * While Redis cannot be reached, each node's own limits still hold: an outage neither stops the chat nor opens
 * the gates.
 */
final class RedisUserLimits implements UserLimits {

    private static final Logger log = LoggerFactory.getLogger(RedisUserLimits.class);

    private static final String TAKE_TOKEN = """
            local capacity = tonumber(ARGV[1])
            local perMilli = tonumber(ARGV[2]) / 1000
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * perMilli)
            local taken = 0
            if tokens >= 1 then
              tokens = tokens - 1
              taken = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMilli) + 1000)
            return taken
            """;
    /** Adds the socket and pops the oldest beyond the cap; the set lives a day after its user's last connection. */
    private static final String ADMIT = """
            local time = redis.call('TIME')
            redis.call('ZADD', KEYS[1], tonumber(time[1]) * 1000000 + tonumber(time[2]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], 86400000)
            local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
            if over <= 0 then
              return {}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, over - 1)
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
            return oldest
            """;

    /** How long an event waits for Redis's count before this node's own decides. */
    private static final Duration REDIS_WAIT = Duration.ofMillis(250);

    private final SocketSettings.Limits limits;
    private final LocalUserLimits local;
    private final RScript scripts;
    private final RedissonClient redisson;
    private final RTopic overCap;
    private final int listener;

    /**
     * @param local      this node's limits, asked first: they refuse a flood without a round trip to Redis, and
     *                   hold alone while Redis is out of reach
     * @param disconnect closes a socket if it is on this node
     */
    RedisUserLimits(RedissonClient redisson, SocketSettings.Limits limits, LocalUserLimits local,
                    Consumer<SocketId> disconnect) {
        this.redisson = redisson;
        this.limits = limits;
        this.local = local;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
        this.overCap = redisson.getTopic("sockets-over-cap", StringCodec.INSTANCE);
        this.listener = overCap.addListener(String.class,
                (channel, socket) -> disconnect.accept(new SocketId(UUID.fromString(socket))));
    }

    @Override
    public CompletionStage<Boolean> tryEvent(UserId user) {
        if (!local.tryEventHere(user)) {
            // over the limit on this node alone: over it on all of them, without asking Redis
            return CompletableFuture.completedFuture(false);
        }
        String key = "events:" + user;
        RFuture<Long> taken = scripts.evalAsync(key, RScript.Mode.READ_WRITE, TAKE_TOKEN, RScript.ReturnType.INTEGER,
                List.of(key), String.valueOf(limits.eventsBurst()), String.valueOf(limits.eventsPerSecond()));
        // an event never waits long for Redis: unanswered, this node's bucket, which already took its token, decides
        return taken.toCompletableFuture().handle((value, failure) -> {
            if (failure != null) {
                log.debug("event limit not checked in Redis: {}", failure.toString());
                return true;
            }
            return value != null && value == 1;
        }).completeOnTimeout(true, REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void admit(UserId user, SocketId socket) {
        local.admit(user, socket);
        // not waited for: a connect goes on while Redis is away, and the oldest socket goes when it answers
        scripts.<List<Object>>evalAsync(socketsKey(user), RScript.Mode.READ_WRITE, ADMIT, RScript.ReturnType.MULTI,
                        List.of(socketsKey(user)), socket.value().toString(), String.valueOf(limits.socketsPerUser()))
                .whenComplete((over, unreachable) -> {
                    if (unreachable != null) {
                        log.warn("socket cap not checked in Redis: {}", unreachable.toString());
                    } else {
                        over.forEach(overCap::publishAsync);
                    }
                });
    }

    @Override
    public void release(UserId user, SocketId socket) {
        local.release(user, socket);
        redisson.getScoredSortedSet(socketsKey(user), StringCodec.INSTANCE).removeAsync(socket.value().toString())
                .whenComplete((removed, unreachable) -> {
                    if (unreachable != null) {
                        // the entry is popped as the oldest when the user next goes over the cap
                        log.warn("socket not removed from Redis: {}", unreachable.toString());
                    }
                });
    }

    private static String socketsKey(UserId user) {
        return "sockets:" + user;
    }

    @Override
    public void close() {
        overCap.removeListener(listener);
    }
}
