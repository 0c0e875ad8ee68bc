package com.usdtagent.application.attachment;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.chat.RoomId;

import java.util.Objects;

/**
 * {@code POST /api/rooms/{roomId}/attachments}: a member stores a file in a room, to send it there. Only what its
 * bytes prove it to be is accepted, and an image is stored written again without its metadata.
 */
public interface UploadAttachment {

    /** @throws com.usdtagent.domain.shared.BusinessException {@code NOT_FOUND} for a room the uploader is not in,
     *         {@code PAYLOAD_TOO_LARGE}, {@code RATE_LIMITED} past the daily quota, {@link UnsupportedContent} */
    Attachment upload(AuthenticatedUser uploader, Command command);

    /**
     * The checks that need no bytes, for the inbound adapter to make before it reads the body.
     *
     * @throws com.usdtagent.domain.shared.BusinessException {@code NOT_FOUND} for a room the uploader is not in,
     *         {@code RATE_LIMITED} when today's quota is used up
     */
    void admit(AuthenticatedUser uploader, RoomId roomId);

    /** The most bytes one upload may have; the inbound adapter stops reading beyond it. */
    long maxBytes();

    /** @param name the file name the client gave, kept only to show */
    record Command(RoomId roomId, String name, ByteSource content) {
        public Command {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(content, "content");
        }
    }
}
