package com.usdtagent.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Socket.IO v4 client socket speaking the wire format by hand (Engine.IO 4 over websocket only) on Netty: the
 * JDK's websocket cannot offer permessage-deflate, and a full socket.io-client would cost the load more CPU than
 * the server under test. Frames: {@code 0{..}} open, {@code 40} connect, {@code 44} refused, {@code 2}/{@code 3}
 * ping/pong, {@code 42[..]} event, {@code 42<id>[..]} event with ack, {@code 43<id>[..]} ack.
 */
final class WireSocket {

    /** Called on a Netty thread for every event frame, with its raw text (starting {@code 42[}). */
    interface Events {
        void onEvent(String frame, long receivedNanos);
    }

    /** Completed with the ack frame's JSON array text. */
    record Ack(String json, long receivedNanos) {
    }

    private final CompletableFuture<WireSocket> connected = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<Ack>> pendingAcks = new ConcurrentHashMap<>();
    private final AtomicLong nextAckId = new AtomicLong();
    private final String authFrame;
    private final Events events;
    private Channel channel;

    private WireSocket(String authJson, Events events) {
        this.authFrame = "40" + authJson;
        this.events = events;
    }

    /** Opens a websocket to 127.0.0.1 only, and completes once the server accepted the CONNECT with this auth. */
    static CompletableFuture<WireSocket> connect(EventLoopGroup loop, int port, boolean deflate, String authJson, Events events) {
        var socket = new WireSocket(authJson, events);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
        var handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13, null, deflate,
                new DefaultHttpHeaders(), 1 << 20);
        new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16));
                        if (deflate) {
                            channel.pipeline().addLast(WebSocketClientCompressionHandler.INSTANCE);
                        }
                        channel.pipeline().addLast(new WebSocketClientProtocolHandler(handshaker), socket.new Frames());
                    }
                })
                .connect("127.0.0.1", port)
                .addListener(done -> {
                    if (!done.isSuccess()) {
                        socket.connected.completeExceptionally(done.cause());
                    }
                });
        return socket.connected;
    }

    /** Emits an event whose payload is already JSON; the future completes with the ack. */
    CompletableFuture<Ack> emit(String event, String payloadJson) {
        long id = nextAckId.incrementAndGet();
        var ack = new CompletableFuture<Ack>();
        pendingAcks.put(id, ack);
        channel.writeAndFlush(new TextWebSocketFrame("42" + id + "[\"" + event + "\"," + payloadJson + "]"));
        return ack;
    }

    int unanswered() {
        return pendingAcks.size();
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            super.channelActive(ctx);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            long now = System.nanoTime();
            String text = frame.text();
            if (text.startsWith("42")) {
                events.onEvent(text, now);
            } else if (text.startsWith("43")) {
                int bracket = text.indexOf('[');
                var ack = pendingAcks.remove(Long.parseLong(text.substring(2, bracket)));
                if (ack != null) {
                    ack.complete(new Ack(text.substring(bracket), now));
                }
            } else if (text.equals("2")) {
                ctx.writeAndFlush(new TextWebSocketFrame("3"));
            } else if (text.startsWith("0{")) {
                ctx.writeAndFlush(new TextWebSocketFrame(authFrame));
            } else if (text.startsWith("40")) {
                connected.complete(WireSocket.this);
            } else if (text.startsWith("44")) {
                connected.completeExceptionally(new IllegalStateException("refused: " + text));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connected.completeExceptionally(new IllegalStateException("closed before connecting"));
            pendingAcks.values().forEach(ack -> ack.completeExceptionally(new IllegalStateException("socket closed")));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connected.completeExceptionally(cause);
            ctx.close();
        }
    }
}
