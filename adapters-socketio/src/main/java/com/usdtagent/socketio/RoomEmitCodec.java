package com.usdtagent.socketio;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.pubsub.DispatchMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.handler.State;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A room emit on its Redis channel: the publishing node's id first, then the room, the event and its JSON (written
 * once by {@link Json}), rather than Java serialization of netty-socketio's packet. A node hears its own emits to
 * the rooms its sockets are in, as Redis sends a channel's messages to every listener: it reads no further than the
 * node id and drops them as {@link #OWN}.
 */
final class RoomEmitCodec extends BaseCodec {

    /** An emit this node published itself. */
    static final Object OWN = new Object();

    private final long nodeId;

    RoomEmitCodec(long nodeId) {
        this.nodeId = nodeId;
    }

    private static ByteBuf encode(Object in) {
        DispatchMessage message = (DispatchMessage) in;
        Packet packet = message.getPacket();
        if (packet.getSubType() != PacketType.EVENT || packet.isAckRequested()
                || !(packet.getData() instanceof List<?> data && data.size() == 1
                && data.getFirst() instanceof Json.Written written)) {
            throw new IllegalArgumentException("a room emit is an event with one JSON payload: " + packet.getName());
        }
        ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
        out.writeLong(message.getNodeId());
        EngineIOVersion version = packet.getEngineIOVersion();
        for (String text : new String[]{message.getRoom(), message.getNamespace(), packet.getNsp(),
                version == null ? null : version.name(), packet.getName(), written.json()}) {
            if (text == null) {
                out.writeInt(-1);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length).writeBytes(bytes);
            }
        }
        return out;
    }

    private Object decode(ByteBuf in, State state) {
        long publisher = in.readLong();
        if (publisher == nodeId) {
            return OWN;
        }
        String room = text(in);
        String namespace = text(in);
        String nsp = text(in);
        String version = text(in);
        var packet = new Packet(PacketType.MESSAGE, version == null ? null : EngineIOVersion.valueOf(version));
        packet.setSubType(PacketType.EVENT);
        packet.setNsp(nsp);
        packet.setName(text(in));
        packet.setData(Arrays.asList(new Json.Written(text(in))));
        var message = new DispatchMessage(room, packet, namespace);
        message.setNodeId(publisher);
        return message;
    }

    private static String text(ByteBuf in) {
        int length = in.readInt();
        return length < 0 ? null : in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return this::decode;
    }

    @Override
    public Encoder getValueEncoder() {
        return RoomEmitCodec::encode;
    }
}
