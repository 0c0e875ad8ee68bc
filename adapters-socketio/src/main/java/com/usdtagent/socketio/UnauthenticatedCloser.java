package com.usdtagent.socketio;

import com.corundumstudio.socketio.handler.ClientHead;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose Engine.IO session has not become an authenticated socket in {@link #DEADLINE}: it
 * would otherwise hold a file descriptor for ever. A socket whose token is still being checked ({@link ConnectGate})
 * is given another deadline: it did authenticate in time, the server is slow. A connection that never completed an
 * Engine.IO handshake is left to HTTP keep-alive; the check runs on the channel's own event loop and only reads maps.
 */
@ChannelHandler.Sharable
final class UnauthenticatedCloser extends ChannelInboundHandlerAdapter {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Sessions sessions;
    private final ConnectGate gate;

    UnauthenticatedCloser(Sessions sessions, ConnectGate gate) {
        this.sessions = sessions;
        this.gate = gate;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        closeLaterUnlessAuthenticated(ctx);
        super.channelActive(ctx);
    }

    private void closeLaterUnlessAuthenticated(ChannelHandlerContext ctx) {
        ctx.executor().schedule(() -> closeUnlessAuthenticated(ctx), DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeUnlessAuthenticated(ChannelHandlerContext ctx) {
        ClientHead client = ctx.channel().attr(ClientHead.CLIENT).get();
        if (client == null || !ctx.channel().isActive() || sessions.find(client.getSessionId()).isPresent()) {
            return;
        }
        if (gate.isChecking(client.getSessionId())) {
            closeLaterUnlessAuthenticated(ctx);
        } else {
            client.disconnect();
            ctx.close();
        }
    }
}
