package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.util.List;

/**
 * netty-socketio's pipeline with {@link OriginGuard} in front of its handshake, {@link BareConnectGuard} and then
 * {@link ConnectGate} in front of its packet handler, and {@link UnauthenticatedCloser} watching every connection from
 * its start. Next to the socket, flushes are consolidated: netty-socketio flushes every frame it writes, and a message
 * sends a socket several at once (the ack, a tick, the chat list), which then leave in one write to the socket instead
 * of one each.
 */
final class GuardedChannelInitializer extends SocketIOChannelInitializer {

    private final BareConnectGuard guard = new BareConnectGuard();
    private final OriginGuard originGuard;
    private final UnauthenticatedCloser closer;
    private final ConnectGate connectGate;

    GuardedChannelInitializer(List<String> allowedOrigins, Sessions sessions, ConnectGate connectGate) {
        this.originGuard = new OriginGuard(allowedOrigins);
        this.closer = new UnauthenticatedCloser(sessions, connectGate);
        this.connectGate = connectGate;
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(AUTHORIZE_HANDLER, "originGuard", originGuard);
        pipeline.addFirst("unauthenticatedCloser", closer);
        pipeline.addBefore(PACKET_HANDLER, "bareConnectGuard", guard);
        pipeline.addBefore(PACKET_HANDLER, "connectGate", connectGate);
        pipeline.addFirst("flushConsolidation", new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
}
