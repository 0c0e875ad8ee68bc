package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * netty-socketio's pipeline with {@link BareConnectGuard} in front of its packet handler, and
 * {@link UnauthenticatedCloser} watching every connection from its start.
 */
final class GuardedChannelInitializer extends SocketIOChannelInitializer {

    private final BareConnectGuard guard = new BareConnectGuard();
    private final UnauthenticatedCloser closer;

    GuardedChannelInitializer(Sessions sessions) {
        this.closer = new UnauthenticatedCloser(sessions);
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addFirst("unauthenticatedCloser", closer);
        pipeline.addBefore(PACKET_HANDLER, "bareConnectGuard", guard);
    }
}
