package com.usdtagent.socketio;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Socket.IO CONNECT packets in what a transport read: a websocket frame holds one packet, a polling request
 * several, joined by the record separator. Every event a socket sends passes here, so the common answer, "no
 * CONNECT", is found from a few bytes without decoding the text.
 */
final class ConnectPackets {

    static final String RECORD_SEPARATOR = "\u001e";
    static final String CONNECT = "40";

    private ConnectPackets() {
    }

    /** Whether any packet of {@code content} is a CONNECT, to any namespace. */
    static boolean any(ByteBuf content) {
        int end = content.writerIndex();
        for (int at = content.readerIndex(); at >= 0; ) {
            if (at + 1 < end && content.getByte(at) == '4' && content.getByte(at + 1) == '0') {
                return true;
            }
            int separator = content.indexOf(at, end, (byte) RECORD_SEPARATOR.charAt(0));
            at = separator < 0 ? -1 : separator + 1;
        }
        return false;
    }

    /** Every packet of {@code content}, as text. */
    static List<String> all(ByteBuf content) {
        return Arrays.asList(content.toString(StandardCharsets.UTF_8).split(RECORD_SEPARATOR, -1));
    }
}
