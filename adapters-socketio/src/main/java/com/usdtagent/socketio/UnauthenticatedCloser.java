package com.usdtagent.socketio;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose Engine.IO session has not become an authenticated socket in {@link #DEADLINE}: it
 * would otherwise hold a file descriptor for ever. A connection that never completed an Engine.IO handshake is
 * left to HTTP keep-alive; the check runs on the channel's own event loop and only reads a map.
 */
@ChannelHandler.Sharable
final class UnauthenticatedCloser extends ChannelInboundHandlerAdapter {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Sessions sessions;

    UnauthenticatedCloser(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.executor().schedule(() -> closeUnlessAuthenticated(ctx), DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    private void closeUnlessAuthenticated(ChannelHandlerContext ctx) {
        ClientHead client = ctx.channel().attr(ClientHead.CLIENT).get();
        if (client != null && ctx.channel().isActive() && sessions.find(client.getSessionId()).isEmpty()) {
            client.disconnect();
            ctx.close();
        }
    }
}
