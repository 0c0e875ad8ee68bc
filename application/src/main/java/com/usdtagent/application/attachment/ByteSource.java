package com.usdtagent.application.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Bytes that can be read more than once, such as an upload that the HTTP adapter spooled to disk. */
public interface ByteSource {

    /** A new stream from the first byte; the caller closes it. */
    InputStream open() throws IOException;

    long size();

    static ByteSource of(byte[] bytes) {
        return new InMemory(bytes);
    }

    /** Bytes held in memory, such as an image written again. */
    record InMemory(byte[] bytes) implements ByteSource {

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }
}
