package com.usdtagent.socketio;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * netty-socketio's JSON, with objects that remember a repeated key: Jackson's tree keeps the last value of
 * {@code {"seq":1,"seq":9}}, and failing the whole packet would leave the client without its ack. {@link Json} refuses
 * such a payload with {@code VALIDATION_FAILED}.
 */
final class StrictJsonSupport extends JacksonJsonSupport {

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
