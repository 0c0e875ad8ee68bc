package com.usdtagent.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The accepted types, each recognised by the bytes it must start with: never by a name or a declared type. */
enum Format {
    JPEG("jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0),
    PNG("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0),
    /** A RIFF container ("RIFF", its length, then "WEBP"). */
    WEBP("webp", "WEBP".getBytes(StandardCharsets.US_ASCII), 8),
    PDF("pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), 0);

    /** Enough of the head for every signature. */
    static final int HEAD_LENGTH = 16;
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);

    final String imageIoName;
    private final byte[] signature;
    private final int offset;

    Format(String imageIoName, byte[] signature, int offset) {
        this.imageIoName = imageIoName;
        this.signature = signature;
        this.offset = offset;
    }

    static Optional<Format> sniff(byte[] head) {
        return Arrays.stream(values()).filter(format -> format.startsOf(head)).findFirst();
    }

    private boolean startsOf(byte[] head) {
        if (this == WEBP && !has(head, RIFF, 0)) {
            return false;
        }
        return has(head, signature, offset);
    }

    private static boolean has(byte[] head, byte[] expected, int at) {
        return head.length >= at + expected.length
                && Arrays.equals(head, at, at + expected.length, expected, 0, expected.length);
    }
}
