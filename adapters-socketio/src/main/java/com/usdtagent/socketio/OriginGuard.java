package com.usdtagent.socketio;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, with 403, every HTTP request (polling or websocket upgrade) whose {@code Origin} is a foreign web page:
 * netty-socketio itself echoes any origin with credentials. Allowed are the configured origins and pages from the host
 * the request is addressed to (the server's own web app, served there on another port). A request without
 * {@code Origin} is no browser page's and passes.
 */
@ChannelHandler.Sharable
final class OriginGuard extends ChannelInboundHandlerAdapter {

    private final Set<String> allowedOrigins;

    OriginGuard(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && !allowed(request)) {
            ReferenceCountUtil.release(msg);
            var refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN);
            refusal.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean allowed(HttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        return allowedOrigins.contains(normalized) || fromAddressedHost(normalized, request.headers().get(HttpHeaderNames.HOST));
    }

    private static boolean fromAddressedHost(String origin, String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        try {
            URI page = new URI(origin);
            URI addressed = new URI("http://" + hostHeader.strip());
            return ("http".equals(page.getScheme()) || "https".equals(page.getScheme()))
                    && page.getHost() != null && page.getHost().equalsIgnoreCase(addressed.getHost());
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
