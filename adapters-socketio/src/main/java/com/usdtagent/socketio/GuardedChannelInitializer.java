package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

import java.util.List;

/**
 * netty-socketio's pipeline with {@link OriginGuard} in front of its handshake and {@link BareConnectGuard} in front
 * of its packet handler.
 */
final class GuardedChannelInitializer extends SocketIOChannelInitializer {

    private final BareConnectGuard guard = new BareConnectGuard();
    private final OriginGuard originGuard;

    GuardedChannelInitializer(List<String> allowedOrigins) {
        this.originGuard = new OriginGuard(allowedOrigins);
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(AUTHORIZE_HANDLER, "originGuard", originGuard);
        pipeline.addBefore(PACKET_HANDLER, "bareConnectGuard", guard);
    }
}
