package com.usdtagent.socketio;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import com.corundumstudio.socketio.transport.NamespaceClient;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectAnswerFirstTest {

    private final Sessions sessions = new Sessions();
    private final List<String> framesSent = new CopyOnWriteArrayList<>();

    @Test
    void workQueuedWhileTheConnectIsAnsweredRunsAfterTheAnswer() {
        connect();

        // the workers run a task at once, on the caller's thread: an open queue would run the work before the answer
        assertThat(framesSent).containsExactly("40{\"sid\"}", "42[\"chat-room-list\"]");
    }

    @Test
    void aSessionsLaterWorkRunsInOrderAfterItsConnectWork() {
        var client = connect();

        sessions.find(client.getSessionId()).orElseThrow().queue().submit(() -> framesSent.add("43[ack]"));

        assertThat(framesSent).containsExactly("40{\"sid\"}", "42[\"chat-room-list\"]", "43[ack]");
    }

    /** Sends a CONNECT through the handler under test to a packet handler that authenticates and answers it. */
    private ClientHead connect() {
        var client = new ClientHead(UUID.randomUUID(), null, null, new MemoryStoreFactory(), null, null,
                Transport.WEBSOCKET, null, null, Map.of());
        new EmbeddedChannel(new ConnectAnswerFirst(sessions), new AuthenticatingPacketHandler())
                .writeInbound(new PacketsMessage(client, Unpooled.copiedBuffer("40{}".getBytes()), Transport.WEBSOCKET));
        return client;
    }

    /** Does what netty-socketio's packet handler does with a CONNECT: asks the authenticator, then answers. */
    private final class AuthenticatingPacketHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            var head = ((PacketsMessage) msg).getClient();
            var session = new SocketSession(new NamespaceClient(head, new Namespace("", new Configuration())),
                    new AuthenticatedUser(new UserId(UUID.randomUUID()), Role.USER), new SerialQueue(Runnable::run));
            sessions.add(session);
            session.queue().submit(() -> framesSent.add("42[\"chat-room-list\"]"));
            framesSent.add("40{\"sid\"}");
            ((PacketsMessage) msg).getContent().release();
        }
    }
}
