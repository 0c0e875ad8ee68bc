package com.usdtagent.application.attachment;

import java.time.Instant;

/**
 * The contract's {@code Attachment}, with links signed just now; its components are the JSON fields both the HTTP and
 * the socket adapter write.
 *
 * @param kind         {@code image} or {@code file}
 * @param width        null for a file
 * @param thumbnailUrl null for a file
 * @param expiresAt    when {@code url} and {@code thumbnailUrl} stop working
 */
public record AttachmentJson(String id, String kind, String mime, String name, long size, Integer width,
                             Integer height, String url, String thumbnailUrl, Instant expiresAt) {
}
