package com.usdtagent.socketio;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.JsonSupport;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrictJsonSupportTest {

    private static final String PAYLOAD = "{\"text\":\"price 7.1 \\\"firm\\\" — ok 👍 \\u0000\",\"seq\":3}";

    @Test
    void framesOfWrittenJsonHoldTheBytesJacksonWrites() throws IOException {
        var event = List.of("new-message", new Json.Written(PAYLOAD));
        var ack = List.of(new Json.Written(PAYLOAD), new Json.Written("null"));

        assertThat(written(new StrictJsonSupport(), event)).isEqualTo(written(new JacksonJsonSupport(), event))
                .isEqualTo("[\"new-message\"," + PAYLOAD + "]");
        assertThat(written(new StrictJsonSupport(), ack)).isEqualTo(written(new JacksonJsonSupport(), ack));
    }

    @Test
    void anythingElseIsWrittenByJackson() throws IOException {
        var quotedName = List.of("say \"hi\"", new Json.Written("1"));
        var notWritten = List.of("presence", Map.of("online", true));

        assertThat(written(new StrictJsonSupport(), quotedName)).isEqualTo("[\"say \\\"hi\\\"\",1]");
        assertThat(written(new StrictJsonSupport(), notWritten)).isEqualTo("[\"presence\",{\"online\":true}]");
    }

    private static String written(JsonSupport json, Object value) throws IOException {
        var frame = Unpooled.buffer();
        try (var out = new ByteBufOutputStream(frame)) {
            json.writeValue(out, value);
        }
        return frame.toString(StandardCharsets.UTF_8);
    }
}
