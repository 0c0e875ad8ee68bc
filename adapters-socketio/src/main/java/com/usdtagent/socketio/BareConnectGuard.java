package com.usdtagent.socketio;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * netty-socketio checks the v4 auth payload only when a CONNECT packet carries one: a bare {@code 40} would connect
 * without ever meeting the token check. This handler gives such a packet an empty auth object, so that the token
 * listener runs, finds no token and refuses the connection like any other bad token.
 */
@ChannelHandler.Sharable
final class BareConnectGuard extends ChannelInboundHandlerAdapter {

    private static final String CONNECT_WITH_EMPTY_AUTH = "40{}";
    private static final int LONGEST_CHECKED = 64 * 1024;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof PacketsMessage packets && containsBareConnect(packets.getContent())) {
            String rewritten = ConnectPackets.all(packets.getContent()).stream()
                    .map(packet -> packet.equals(ConnectPackets.CONNECT) ? CONNECT_WITH_EMPTY_AUTH : packet)
                    .collect(Collectors.joining(ConnectPackets.RECORD_SEPARATOR));
            ByteBuf content = Unpooled.copiedBuffer(rewritten, StandardCharsets.UTF_8);
            // the transport releases its own buffer after this call; the copy is plain heap memory
            ctx.fireChannelRead(new PacketsMessage(packets.getClient(), content, packets.getTransport()));
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean containsBareConnect(ByteBuf content) {
        return content.readableBytes() <= LONGEST_CHECKED && ConnectPackets.any(content)
                && ConnectPackets.all(content).contains(ConnectPackets.CONNECT);
    }
}
