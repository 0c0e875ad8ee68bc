package com.usdtagent.socketio;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Makes netty-socketio's answer to a CONNECT the first frame a new session gets. {@link TokenAuthenticator} queues
 * the session's connect work (its room list, the deliveries) while netty-socketio is still deciding, before it sends
 * the answer; the work would race that answer. This handler sits in front of netty-socketio's packet handler and
 * opens the session's queue only once that handler is done with the packets, the answer among them.
 */
@ChannelHandler.Sharable
final class ConnectAnswerFirst extends ChannelInboundHandlerAdapter {

    private final Sessions sessions;

    ConnectAnswerFirst(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof PacketsMessage packets)) {
            ctx.fireChannelRead(msg);
            return;
        }
        var socketId = packets.getClient().getSessionId();
        try {
            ctx.fireChannelRead(msg);
        } finally {
            sessions.find(socketId).ifPresent(session -> session.queue().open());
        }
    }
}
