package com.usdtagent.socketio;

import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.codec.SerializationCodec;
import org.redisson.config.Config;
import org.redisson.config.EqualJitterDelay;

import java.time.Duration;
import java.util.Set;

/**
 * netty-socketio's Redisson store: every room emit is also published to Redis, and each other node hands it to
 * its own sockets in that room; publishing goes through {@link RedisPublisher}, so that nothing waits for Redis.
 * Redis is closed by {@link #close()}, not when the Socket.IO server stops, so that the emits of the last
 * disconnects (users going offline) still reach the other nodes.
 */
final class RedisStoreFactory extends RedissonStoreFactory {

    /** What a DISPATCH, JOIN or LEAVE message holds; nothing else is read back from Redis. */
    private static final Set<String> PUBLISHED_CLASSES = Set.of(
            "com.corundumstudio.socketio.store.pubsub.DispatchMessage",
            "com.corundumstudio.socketio.store.pubsub.JoinLeaveMessage",
            "com.corundumstudio.socketio.store.pubsub.BulkJoinLeaveMessage",
            "com.corundumstudio.socketio.store.pubsub.ConnectMessage",
            "com.corundumstudio.socketio.store.pubsub.DisconnectMessage",
            "com.corundumstudio.socketio.store.pubsub.PubSubMessage",
            "com.corundumstudio.socketio.protocol.Packet",
            "com.corundumstudio.socketio.protocol.PacketType",
            "com.corundumstudio.socketio.protocol.EngineIOVersion",
            "com.usdtagent.socketio.Json$Written",
            "java.util.Arrays$ArrayList",
            "java.util.Collections$EmptyList",
            "java.util.HashSet",
            "java.util.UUID",
            "java.lang.Enum",
            "java.lang.Number",
            "java.lang.Long",
            "[Ljava.lang.Object;",
            "[B");

    private final RedissonClient redisson;
    private final RedisPublisher publisher;

    private RedisStoreFactory(RedissonClient redisson) {
        super(redisson);
        this.redisson = redisson;
        this.publisher = new RedisPublisher(redisson, super.pubSubStore(), getNodeId());
    }

    static RedisStoreFactory connect(SocketSettings.Redis target) {
        var config = new Config();
        // Java serialization limited to the classes above: the payloads are JSON already written (Json.Written)
        config.setCodec(new SerializationCodec(RedisStoreFactory.class.getClassLoader(), PUBLISHED_CLASSES));
        config.useSingleServer()
                .setAddress(target.address())
                .setDatabase(target.database())
                .setUsername(target.username())
                .setPassword(target.password())
                .setNameMapper(new Prefix(target.keyPrefix()))
                .setConnectionMinimumIdleSize(2)
                // a Redis that went away is noticed within a second and reconnected to within a second of its
                // return (the defaults, 30 s and 10 s, kept the nodes apart half a minute after Redis was back)
                .setPingConnectionInterval(1_000)
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(1)));
        return new RedisStoreFactory(Redisson.create(config));
    }

    /** The connection, for what else the nodes share in Redis: session revocations, the users' limits. */
    RedissonClient redisson() {
        return redisson;
    }

    @Override
    public PubSubStore pubSubStore() {
        return publisher;
    }

    @Override
    public void shutdown() {
        // see close()
    }

    void close() {
        publisher.shutdown();
        redisson.shutdown();
    }

    private record Prefix(String prefix) implements NameMapper {
        @Override
        public String map(String name) {
            return prefix + name;
        }

        @Override
        public String unmap(String name) {
            return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
    }
}
