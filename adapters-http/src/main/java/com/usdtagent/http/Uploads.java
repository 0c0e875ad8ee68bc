package com.usdtagent.http;

import com.usdtagent.application.attachment.ByteSource;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the {@code file} part of a multipart upload onto disk, never into memory, and never more than the limit:
 * a {@code Content-Length} beyond it is refused before a byte is read, and the bytes are counted while they arrive
 * for a client that sent none or lied. Jetty parses the multipart body, keeping parts over 64 KiB in temporary files.
 */
final class Uploads {

    static final String PART = "file";
    /** Boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 16 * 1024;
    private static final int IN_MEMORY_PART = 64 * 1024;
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private Uploads() {
    }

    /** An upload spooled to a temporary file, deleted on close. */
    record Upload(String name, Path file, long size) implements ByteSource, AutoCloseable {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Refuses a declared length over the limit before anything of the body is read. */
    static void requireDeclaredLengthWithin(Context ctx, long maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes + MULTIPART_OVERHEAD) {
            throw tooLarge(maxBytes);
        }
    }

    static Upload spool(Context ctx, long maxBytes) {
        String directory = System.getProperty("java.io.tmpdir");
        ctx.req().setAttribute(JETTY_MULTIPART_CONFIG,
                new MultipartConfigElement(directory, maxBytes, maxBytes + MULTIPART_OVERHEAD, IN_MEMORY_PART));
        Part part = part(ctx, maxBytes);
        try {
            Path file = Files.createTempFile(Path.of(directory), "upload-", ".part");
            try (InputStream content = part.getInputStream(); OutputStream spool = Files.newOutputStream(file)) {
                long size = copyAtMost(content, spool, maxBytes);
                return new Upload(part.getSubmittedFileName(), file, size);
            } catch (IOException | RuntimeException failure) {
                Files.deleteIfExists(file);
                throw failure;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static Part part(Context ctx, long maxBytes) {
        Part part;
        try {
            part = ctx.req().getPart(PART);
        } catch (IllegalStateException | IOException | ServletException unreadable) {
            // Jetty stops reading at the limits it was given; anything else is a body that is no multipart form
            if (passedALimit(unreadable)) {
                throw tooLarge(maxBytes);
            }
            throw BusinessException.invalidField(PART, "must be sent as multipart/form-data");
        }
        if (part == null) {
            throw BusinessException.invalidField(PART, "is missing: send the file as the multipart part 'file'");
        }
        return part;
    }

    /** Jetty's multipart parser says so with an {@code IllegalStateException("max ... exceeded: <limit>")}. */
    private static boolean passedALimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).matches("max .* exceeded.*")) {
                return true;
            }
        }
        return false;
    }

    /** Copies and counts; refuses as soon as one byte more than {@code maxBytes} arrives. */
    private static long copyAtMost(InputStream from, OutputStream to, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int read; (read = from.read(buffer)) != -1; ) {
            copied += read;
            if (copied > maxBytes) {
                throw tooLarge(maxBytes);
            }
            to.write(buffer, 0, read);
        }
        return copied;
    }

    private static void deleteQuietly(Part part) {
        try {
            part.delete();
        } catch (IOException ignored) {
            // Jetty deletes its temporary files when the request ends as well
        }
    }

    private static BusinessException tooLarge(long maxBytes) {
        return new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than " + maxBytes + " bytes");
    }
}
