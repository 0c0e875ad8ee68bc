package com.usdtagent.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.Text;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The JSON rules of the socket protocol: payloads are read strictly (a number is not a string, a string is not a
 * number), unknown fields are ignored, and what goes out uses ISO-8601 times.
 */
final class Json {

    private final ObjectMapper mapper;

    Json() {
        // a shared pool of buffers: Jackson's default keeps them per thread, and every event runs on a virtual thread
        // of its own, so each frame written allocated fresh buffers (about 15 % of what the server allocated)
        mapper = JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Reads one event payload; anything but a JSON object of the right shape is {@code VALIDATION_FAILED}. */
    <T> T readPayload(JsonNode payload, Class<T> type) {
        JsonNode object = payload == null || payload.isNull() ? mapper.createObjectNode() : payload;
        if (!object.isObject()) {
            throw BusinessException.invalidField("payload", "must be a JSON object");
        }
        if (StrictJsonSupport.repeatsAKey(object)) {
            throw BusinessException.invalidField("payload", "must not repeat a field");
        }
        requireStorableText(object, "");
        try {
            return mapper.treeToValue(object, type);
        } catch (MismatchedInputException wrongType) {
            String field = wrongType.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw BusinessException.invalidField(field.isEmpty() ? "payload" : field, "has the wrong type");
        } catch (JsonProcessingException unreadable) {
            throw BusinessException.invalidField("payload", "is not readable");
        }
    }

    /** Every string, at any depth: no NUL or other control characters, no lone surrogates. */
    private static void requireStorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            Text.problem(node.textValue()).ifPresent(why -> {
                throw BusinessException.invalidField(path, why);
            });
        }
        node.properties().forEach(field ->
                requireStorableText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            requireStorableText(node.get(i), path + "[" + i + "]");
        }
    }

    /**
     * What netty-socketio sends: JSON written once, by this mapper, so that netty-socketio's own needs no knowledge
     * of our types and copies it as it is into every frame (a user's every socket, every node).
     */
    Object wire(Object value) {
        try {
            return new Written(mapper.writeValueAsString(value));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), unwritable);
        }
    }

    /** JSON already written, copied as it is into each frame and each emit to other nodes. */
    record Written(String json) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(json);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            serialize(generator, provider);
        }
    }
}
