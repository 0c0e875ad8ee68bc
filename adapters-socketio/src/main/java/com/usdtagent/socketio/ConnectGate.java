package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.AuthenticatedUser;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * How a socket becomes a session, right in front of netty-socketio's packet handler, which asks
 * {@link TokenAuthenticator} on the event loop.
 * <ul>
 * <li>The token of a CONNECT is checked on a worker, not on the event loop: the first check of a sign-in session
 * reads the database, and under a storm of reconnects every socket of the loop would wait for it. What the connection
 * sends from its CONNECT on is held, and the connection not read, until the check is done; then the CONNECT and what
 * came after it go on, in order, and {@link TokenAuthenticator} takes the outcome from here.</li>
 * <li>A session's queue is opened once the packet handler is done with the packets its CONNECT came in, and so has
 * answered it: the connect work queued meanwhile (the room list, the deliveries) must not race that answer.</li>
 * </ul>
 */
@ChannelHandler.Sharable
final class ConnectGate extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Queue<PacketsMessage>> HELD = AttributeKey.valueOf("heldForTokenCheck");
    private static final ObjectMapper AUTH_READER = new ObjectMapper();

    /** The outcome of a token's check: the user, or why not. */
    private record Checked(String token, AuthenticatedUser user, RuntimeException refusal) {
    }

    private final AuthenticateToken authenticateToken;
    private final Sessions sessions;
    private final Executor workers;
    private final Set<UUID> checking = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Checked> checked = new ConcurrentHashMap<>();

    ConnectGate(AuthenticateToken authenticateToken, Sessions sessions, Executor workers) {
        this.authenticateToken = authenticateToken;
        this.sessions = sessions;
        this.workers = workers;
    }

    /**
     * The user the socket's token names, as checked off the event loop; a CONNECT without a token string, never held,
     * is refused here without reading anything.
     *
     * @throws com.usdtagent.domain.shared.BusinessException {@code UNAUTHORIZED} when the token does not stand
     */
    AuthenticatedUser authenticate(UUID socket, String token) {
        Checked outcome = checked.remove(socket);
        if (outcome == null || !outcome.token().equals(token)) {
            return authenticateToken.authenticate(token);
        }
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.user();
    }

    /** Whether the socket's CONNECT is held while its token is checked. */
    boolean isChecking(UUID socket) {
        return checking.contains(socket);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof PacketsMessage packets)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Queue<PacketsMessage> held = ctx.channel().attr(HELD).get();
        if (held != null) {
            packets.getContent().retain(); // the transport releases its buffer when this call returns
            held.add(packets);
            return;
        }
        if (!ConnectPackets.any(packets.getContent())) {
            ctx.fireChannelRead(packets); // an event: nothing to check, no queue to open
            return;
        }
        Optional<String> token = tokenToCheck(packets);
        if (token.isPresent()) {
            hold(ctx, packets, token.get());
            return;
        }
        try {
            ctx.fireChannelRead(packets);
        } finally {
            openQueueOf(packets);
        }
    }

    private void hold(ChannelHandlerContext ctx, PacketsMessage connect, String token) {
        connect.getContent().retain();
        checking.add(connect.getClient().getSessionId());
        ctx.channel().attr(HELD).set(new ArrayDeque<>());
        ctx.channel().config().setAutoRead(false);
        var packetHandler = (ChannelInboundHandler) ctx.pipeline().get(SocketIOChannelInitializer.PACKET_HANDLER);
        workers.execute(() -> {
            checked.put(connect.getClient().getSessionId(), check(token));
            ctx.executor().execute(() -> passOn(ctx, connect, packetHandler));
        });
    }

    private Checked check(String token) {
        try {
            return new Checked(token, authenticateToken.authenticate(token), null);
        } catch (RuntimeException refused) {
            return new Checked(token, null, refused);
        }
    }

    /**
     * On the event loop again: the CONNECT, then what the connection sent meanwhile, then reading on. They go straight
     * to the packet handler, not down the pipeline: a polling request's connection may have closed by now, and its
     * pipeline with it, while the socket lives on.
     */
    private void passOn(ChannelHandlerContext ctx, PacketsMessage connect, ChannelInboundHandler packetHandler) {
        Queue<PacketsMessage> held = ctx.channel().attr(HELD).getAndSet(null);
        for (PacketsMessage packets = connect; packets != null; packets = held.poll()) {
            deliver(ctx, packets, packetHandler);
        }
        checked.remove(connect.getClient().getSessionId());
        checking.remove(connect.getClient().getSessionId());
        ctx.channel().config().setAutoRead(true);
    }

    private void deliver(ChannelHandlerContext ctx, PacketsMessage packets, ChannelInboundHandler packetHandler) {
        try {
            if (packets.getClient().isConnected()) {
                packetHandler.channelRead(ctx, packets);
                openQueueOf(packets);
            }
        } catch (Exception failed) {
            ctx.channel().close(); // as netty-socketio's exception listener does with packets it cannot handle
        } finally {
            packets.getContent().release();
        }
    }

    private void openQueueOf(PacketsMessage packets) {
        sessions.find(packets.getClient().getSessionId()).ifPresent(session -> session.queue().open());
    }

    /** The token of a CONNECT to the main namespace, when the socket is not a session yet and sent one. */
    private Optional<String> tokenToCheck(PacketsMessage packets) {
        if (sessions.find(packets.getClient().getSessionId()).isPresent()) {
            return Optional.empty();
        }
        return ConnectPackets.all(packets.getContent()).stream()
                .filter(packet -> packet.startsWith(ConnectPackets.CONNECT + "{"))
                .findFirst()
                .flatMap(ConnectGate::tokenIn);
    }

    private static Optional<String> tokenIn(String connectPacket) {
        try {
            var token = AUTH_READER.readTree(connectPacket.substring(ConnectPackets.CONNECT.length())).get("token");
            return token != null && token.isTextual() ? Optional.of(token.textValue()) : Optional.empty();
        } catch (JacksonException unreadable) {
            return Optional.empty(); // netty-socketio refuses it too
        }
    }
}
