package com.usdtagent.socketio;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.DefaultExceptionListener;
import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.CheckSession;
import com.usdtagent.application.account.SessionSignals;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.call.AcceptCall;
import com.usdtagent.application.call.CallMetrics;
import com.usdtagent.application.call.CallSignals;
import com.usdtagent.application.call.CancelCall;
import com.usdtagent.application.call.EndCall;
import com.usdtagent.application.call.RejectCall;
import com.usdtagent.application.call.RelayCallSignal;
import com.usdtagent.application.call.RenewCallToken;
import com.usdtagent.application.call.StartCall;
import com.usdtagent.application.chain.WalletSignals;
import com.usdtagent.application.chat.AcknowledgeReceipt;
import com.usdtagent.application.chat.GoOffline;
import com.usdtagent.application.chat.GoOnline;
import com.usdtagent.application.chat.LeaveRoom;
import com.usdtagent.application.chat.ListChatRooms;
import com.usdtagent.application.chat.OpenChatHistory;
import com.usdtagent.application.chat.OpenDirectRoom;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.ShowTyping;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.ledger.WalletJson;
import com.usdtagent.application.trade.OrderSignals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Socket.IO side of the service: one netty-socketio server and the events of the socket protocol. Built in
 * two steps because the use cases need this gateway's {@link #publisher()} and the gateway needs the use cases.
 */
public final class SocketIoGateway {

    private static final Logger log = LoggerFactory.getLogger(SocketIoGateway.class);

    /** The inbound ports behind the chat events. */
    public record ChatUseCases(AuthenticateToken authenticateToken, CheckSession checkSession, GoOnline goOnline,
                               GoOffline goOffline,
                               ListChatRooms listChatRooms, OpenDirectRoom openDirectRoom,
                               OpenChatHistory openChatHistory, SendMessage sendMessage,
                               AcknowledgeReceipt acknowledgeReceipt, LeaveRoom leaveRoom, ShowTyping showTyping) {
    }

    /** The inbound ports behind the call events. */
    public record CallUseCases(StartCall startCall, AcceptCall acceptCall, RejectCall rejectCall,
                               CancelCall cancelCall, EndCall endCall, RenewCallToken renewCallToken,
                               RelayCallSignal relayCallSignal) {
    }

    private final SocketIOServer server;
    private final Sessions sessions = new Sessions();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("socket-timers").daemon().factory());
    private final Json json = new Json();
    private final Replies replies = new Replies(json);
    private final MeterRegistry meters;
    private final AttachmentLinks links;
    private final Optional<RedisStoreFactory> redis;
    private final LocalUserLimits localLimits;
    private final UserLimits limits;
    private final SessionSignals sessionSignals;
    private final List<String> allowedOrigins;

    /** @param links signs fresh links into every payload that carries a file */
    public SocketIoGateway(SocketSettings settings, MeterRegistry meters, AttachmentLinks links) {
        this.redis = settings.redis().map(RedisStoreFactory::connect);
        this.server = new SocketIOServer(configuration(settings, redis));
        this.meters = meters;
        this.links = links;
        this.allowedOrigins = settings.allowedOrigins();
        this.sessionSignals = new SessionRevocations(sessions, redis);
        this.localLimits = new LocalUserLimits(settings.limits(), this::disconnectHere);
        this.limits = redis.<UserLimits>map(store -> new RedisUserLimits(store.redisson(), settings.limits(),
                localLimits, this::disconnectHere)).orElse(localLimits);
        Gauge.builder("socketio.sessions", sessions, Sessions::count)
                .description("authenticated sockets on this node").register(meters);
    }

    /** Emits to users' sockets; hand it to the use cases. */
    public RealtimePublisher publisher() {
        return new SocketIoRealtimePublisher(server, json, links);
    }

    /** Emits the call events to users' sockets; hand it to the call use cases. */
    public CallSignals callSignals() {
        return new SocketIoCallSignals(server, json);
    }

    /** Emits {@code order-updated} to users' sockets; hand it to the trade use cases. */
    public OrderSignals orderSignals() {
        return (to, order) -> server.getRoomOperations(SocketSession.userRoom(to))
                .sendEvent("order-updated", json.wire(Wire.OneOrder.of(order, links)));
    }

    /** Emits {@code wallet-updated}, the wallet as {@code GET /api/wallet} returns it, to users' sockets. */
    public WalletSignals walletSignals() {
        return (to, balance) -> server.getRoomOperations(SocketSession.userRoom(to))
                .sendEvent("wallet-updated", json.wire(WalletJson.of(balance)));
    }

    /** Disconnects the sockets of revoked sessions, on every node; hand it to the account use cases. */
    public SessionSignals sessionSignals() {
        return sessionSignals;
    }

    /** Counts calls in this gateway's meter registry. */
    public CallMetrics callMetrics() {
        return new MicrometerCallMetrics(meters);
    }

    /** Connects the events to their use cases and starts listening. */
    public void start(ChatUseCases chat, CallUseCases calls) {
        var chatEvents = new ChatEvents(chat, replies, links);
        var connectGate = new ConnectGate(chat.authenticateToken(), sessions, workers);
        server.setPipelineFactory(new GuardedChannelInitializer(allowedOrigins, sessions, connectGate));
        server.getNamespace("").addAuthTokenListener(new TokenAuthenticator(connectGate, sessions, limits,
                workers, timers, chatEvents::onConnected,
                room -> redis.<CompletionStage<?>>map(store -> store.relayed(room))
                        .orElse(CompletableFuture.completedFuture(null))));
        server.addDisconnectListener(client -> sessions.remove(client.getSessionId())
                .ifPresent(session -> session.queue().submit(() -> {
                    limits.release(session.user().id(), session.socketId());
                    chatEvents.onDisconnected(session);
                })));
        timers.scheduleWithFixedDelay(localLimits::forgetFullBuckets, 1, 1, TimeUnit.MINUTES);
        var events = new EventRouter(server, sessions, limits, json, replies, meters, chat.checkSession());
        chatEvents.registerOn(events);
        new CallEvents(calls).registerOn(events);
        try {
            server.start();
        } catch (Exception bindFailure) { // Netty rethrows the BindException undeclared
            server.stop();
            throw new IllegalStateException("Socket.IO cannot listen on port " + port() + ": " + bindFailure.getMessage(),
                    bindFailure);
        }
        log.info("Socket.IO listening on {}:{}, {}", server.getConfiguration().getHostname(), port(),
                redis.isPresent() ? "rooms shared through Redis" : "rooms in memory (a single node)");
    }

    public int port() {
        return server.getConfiguration().getPort();
    }

    /**
     * Closes every socket, then lets queued events (and the users' going offline) finish, a few seconds at most,
     * then closes Redis, through which those last emits reach the other nodes.
     */
    public void stop() {
        server.stop();
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("socket work still running after 10 s; stopping anyway");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        limits.close();
        redis.ifPresent(RedisStoreFactory::close);
    }

    /** Disconnects the socket if it is on this node. */
    private void disconnectHere(SocketId socket) {
        sessions.find(socket.value()).ifPresent(session -> session.client().disconnect());
    }

    private static Configuration configuration(SocketSettings settings, Optional<RedisStoreFactory> redis) {
        var config = new Configuration();
        redis.ifPresent(config::setStoreFactory);
        config.setHostname(settings.host());
        config.setPort(settings.port());
        config.setAckMode(AckMode.MANUAL);
        config.setMaxFramePayloadLength(settings.maxFrameBytes());
        config.setMaxHttpContentLength(settings.maxFrameBytes());
        config.setWebsocketCompression(settings.websocketCompression());
        config.setHttpCompression(false);
        config.setExceptionListener(new QuietExceptionListener());
        config.setJsonSupport(new StrictJsonSupport());
        var socketConfig = new SocketConfig();
        socketConfig.setReuseAddress(true);
        config.setSocketConfig(socketConfig);
        return config;
    }

    /** Netty's own I/O errors (a client that vanished mid-frame) are routine for a socket server. */
    private static final class QuietExceptionListener extends DefaultExceptionListener {
        @Override
        public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("socket channel error: {}", cause.toString());
            ctx.close();
            return true;
        }
    }
}
