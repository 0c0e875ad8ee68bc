package com.usdtagent.socketio;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;

import java.io.IOException;
import java.util.List;

/**
 * netty-socketio's JSON, with objects that remember a repeated key: Jackson's tree keeps the last value of
 * {@code {"seq":1,"seq":9}}, and failing the whole packet would leave the client without its ack. {@link Json} refuses
 * such a payload with {@code VALIDATION_FAILED}.
 */
final class StrictJsonSupport extends JacksonJsonSupport {

    /**
     * A packet's arguments (an event's name and payloads, an ack's values) written straight into the frame when each
     * is JSON already written ({@link Json.Written}) or a name with nothing to escape, as every frame this server
     * sends is: Jackson's generator, set up for each frame on the event loop, was about 4 % of the server JVM's CPU
     * in a closed-loop profile, for the same bytes. Anything else goes through Jackson.
     */
    @Override
    public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
        if (!(value instanceof List<?> values) || !values.stream().allMatch(StrictJsonSupport::copiedAsIs)) {
            super.writeValue(out, value);
            return;
        }
        ByteBuf frame = out.buffer();
        frame.writeByte('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                frame.writeByte(',');
            }
            if (values.get(i) instanceof Json.Written written) {
                ByteBufUtil.writeUtf8(frame, written.json());
            } else {
                frame.writeByte('"');
                ByteBufUtil.writeAscii(frame, (String) values.get(i));
                frame.writeByte('"');
            }
        }
        frame.writeByte(']');
    }

    private static boolean copiedAsIs(Object value) {
        return value instanceof Json.Written || value instanceof String name
                && name.chars().allMatch(c -> c >= ' ' && c < 0x7f && c != '"' && c != '\\');
    }

    @Override
    protected void init(ObjectMapper objectMapper) {
        super.init(objectMapper);
        objectMapper.setNodeFactory(new RememberingFactory());
    }

    static boolean repeatsAKey(JsonNode node) {
        if (node instanceof RememberingObject object && object.repeated) {
            return true;
        }
        for (JsonNode child : node) {
            if (repeatsAKey(child)) {
                return true;
            }
        }
        return false;
    }

    private static final class RememberingFactory extends JsonNodeFactory {
        @Override
        public ObjectNode objectNode() {
            return new RememberingObject(this);
        }
    }

    private static final class RememberingObject extends ObjectNode {
        private boolean repeated;

        RememberingObject(JsonNodeFactory factory) {
            super(factory);
        }

        @Override
        public JsonNode replace(String propertyName, JsonNode value) {
            JsonNode previous = super.replace(propertyName, value);
            repeated |= previous != null;
            return previous;
        }
    }
}
