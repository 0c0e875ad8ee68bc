package com.usdtagent.socketio;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectGateTest {

    private static final AuthenticatedUser USER = new AuthenticatedUser(new UserId(UUID.randomUUID()), Role.USER);

    private final List<String> tokensChecked = new ArrayList<>();
    private final Queue<Runnable> workerTasks = new ArrayDeque<>();
    private final Sessions sessions = new Sessions();
    private final ConnectGate gate = new ConnectGate(token -> {
        tokensChecked.add(token);
        return USER;
    }, sessions, workerTasks::add);
    private final List<String> seenByPacketHandler = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(gate);
    private final ClientHead client = new ClientHead(UUID.randomUUID(), null, null, new MemoryStoreFactory(), null, null,
            Transport.WEBSOCKET, null, null, Map.of());

    ConnectGateTest() {
        channel.pipeline().addLast(SocketIOChannelInitializer.PACKET_HANDLER, new AuthenticatingPacketHandler());
    }

    @Test
    void theTokenIsCheckedOnAWorkerAndTheConnectWaitsForIt() {
        read("40{\"token\":\"t-1\"}");

        assertThat(tokensChecked).as("nothing checked on the event loop").isEmpty();
        assertThat(seenByPacketHandler).isEmpty();
        workerTasks.remove().run();
        assertThat(tokensChecked).containsExactly("t-1");
        assertThat(seenByPacketHandler).as("handed back to the event loop, not run on the worker").isEmpty();
        channel.runPendingTasks();
        assertThat(seenByPacketHandler.getFirst()).isEqualTo("40{\"sid\"} for user " + USER.id().value());
    }

    @Test
    void workQueuedWhileTheConnectIsAnsweredRunsAfterTheAnswer() {
        read("40{\"token\":\"t-1\"}");
        workerTasks.remove().run();
        channel.runPendingTasks();

        // the session's queue runs a task at once, on the caller's thread: opened early, it would run before the answer
        assertThat(seenByPacketHandler).containsExactly(
                "40{\"sid\"} for user " + USER.id().value(), "42[\"chat-room-list\"]");
    }

    @Test
    void whatASocketSendsWhileItsTokenIsCheckedFollowsTheConnectInOrder() {
        read("40{\"token\":\"t-1\"}");
        read("42[\"typing\",{}]");
        read("42[\"send-message\",{}]");
        workerTasks.remove().run();
        channel.runPendingTasks();

        assertThat(seenByPacketHandler).containsExactly("40{\"sid\"} for user " + USER.id().value(),
                "42[\"chat-room-list\"]", "42[\"typing\",{}]", "42[\"send-message\",{}]");
    }

    @Test
    void aConnectWhoseRequestClosedMeanwhileStillReachesThePacketHandler() {
        read("40{\"token\":\"t-1\"}");
        channel.close(); // a polling request is answered before its packets are read, and the client may close it

        workerTasks.remove().run();
        channel.runPendingTasks();

        assertThat(seenByPacketHandler).startsWith("40{\"sid\"} for user " + USER.id().value());
    }

    @Test
    void aSessionsLaterPacketsPassStraightThrough() {
        read("40{\"token\":\"t-1\"}");
        workerTasks.remove().run();
        channel.runPendingTasks();

        read("42[\"typing\",{}]");

        assertThat(workerTasks).isEmpty();
        assertThat(seenByPacketHandler).endsWith("42[\"typing\",{}]");
    }

    private void read(String packets) {
        channel.writeInbound(new PacketsMessage(client, Unpooled.copiedBuffer(packets, StandardCharsets.UTF_8),
                Transport.WEBSOCKET));
    }

    /** Does what netty-socketio's packet handler does with a CONNECT: asks the authenticator, then answers. */
    private final class AuthenticatingPacketHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            var packets = (PacketsMessage) msg;
            String text = packets.getContent().toString(StandardCharsets.UTF_8);
            if (!text.startsWith("40")) {
                seenByPacketHandler.add(text);
                return;
            }
            var user = gate.authenticate(client.getSessionId(), "t-1");
            var session = new SocketSession(new NamespaceClient(client, new Namespace("", new Configuration())), user,
                    new SerialQueue(Runnable::run));
            sessions.add(session);
            session.queue().submit(() -> seenByPacketHandler.add("42[\"chat-room-list\"]"));
            seenByPacketHandler.add("40{\"sid\"} for user " + user.id().value());
        }
    }
}
