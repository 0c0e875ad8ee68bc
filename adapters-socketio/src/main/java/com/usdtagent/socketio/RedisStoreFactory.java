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
import java.util.concurrent.CompletionStage;

/**
 * netty-socketio's Redisson store: every room emit is also published to Redis, on the room's own channel, and each
 * node with sockets in that room hands it to them ({@link RedisRooms}, through which nothing waits for Redis).
 * Redis is closed by {@link #close()}, not when the Socket.IO server stops, so that the emits of the last
 * disconnects (users going offline) still reach the other nodes.
 */
final class RedisStoreFactory extends RedissonStoreFactory {

    /** What a CONNECT or DISCONNECT message holds (room emits have a codec of their own, RoomEmitCodec). */
    private static final Set<String> PUBLISHED_CLASSES = Set.of(
            "com.corundumstudio.socketio.store.pubsub.ConnectMessage",
            "com.corundumstudio.socketio.store.pubsub.DisconnectMessage",
            "com.corundumstudio.socketio.store.pubsub.PubSubMessage",
            "java.util.UUID",
            "java.lang.Number",
            "java.lang.Long");

    private final RedissonClient redisson;
    private final RedisRooms rooms;

    private RedisStoreFactory(RedissonClient redisson) {
        super(redisson);
        this.redisson = redisson;
        this.rooms = new RedisRooms(redisson, super.pubSubStore(), getNodeId());
    }

    static RedisStoreFactory connect(SocketSettings.Redis target) {
        var config = new Config();
        // Java serialization limited to the classes above, for what netty-socketio publishes besides room emits
        config.setCodec(new SerializationCodec(RedisStoreFactory.class.getClassLoader(), PUBLISHED_CLASSES));
        config.useSingleServer()
                .setAddress(target.address())
                .setDatabase(target.database())
                .setUsername(target.username())
                .setPassword(target.password())
                .setNameMapper(new Prefix(target.keyPrefix()))
                .setConnectionMinimumIdleSize(2)
                // a channel per room with sockets here: Redis takes any number on a connection, Redisson 5 by default
                .setSubscriptionsPerConnection(100_000)
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

    /** When emits from other nodes to the room reach this node. */
    CompletionStage<?> relayed(String room) {
        return rooms.subscribed(room);
    }

    @Override
    public PubSubStore pubSubStore() {
        return rooms;
    }

    @Override
    public void shutdown() {
        // see close()
    }

    void close() {
        rooms.shutdown();
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
