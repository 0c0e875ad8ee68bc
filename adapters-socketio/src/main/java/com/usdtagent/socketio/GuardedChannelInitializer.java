package com.usdtagent.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import io.netty.channel.ChannelPipeline;

/** netty-socketio's pipeline with {@link BareConnectGuard} in front of its packet handler. */
final class GuardedChannelInitializer extends SocketIOChannelInitializer {

    private final BareConnectGuard guard = new BareConnectGuard();

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(PACKET_HANDLER, "bareConnectGuard", guard);
    }
}
