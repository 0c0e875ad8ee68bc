package com.usdtagent.domain.attachment;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Objects;

/**
 * A file a member uploaded to a room, as it is stored: an image written again without its metadata, or a PDF as
 * sent. It waits unsent until its uploader sends it in one message of that room.
 *
 * @param mime          the type its content was found to be, which is what it is served as
 * @param width         pixels as shown (after the EXIF orientation); null for a file
 * @param thumbnailMime the type of its thumbnail; null when it has none (a file)
 * @param sentIn        the message it went out in; null while unsent
 */
public record Attachment(AttachmentId id, RoomId roomId, UserId uploader, AttachmentKind kind, String mime,
                         String name, long size, Integer width, Integer height, String thumbnailMime,
                         Instant createdAt, MessageId sentIn) {

    public static final int MAX_PER_MESSAGE = 10;
    public static final int MAX_NAME_LENGTH = 120;
    private static final String UNNAMED = "file";

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (size < 0) {
            throw new IllegalArgumentException("size is not negative");
        }
    }

    public boolean hasThumbnail() {
        return thumbnailMime != null;
    }

    /** Only its uploader sends it, only into the room it was uploaded to, and only once. */
    public void requireSendableBy(UserId sender, RoomId room) {
        if (!uploader.equals(sender)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only its uploader may send an attachment");
        }
        if (!roomId.equals(room)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "The attachment was uploaded to another room");
        }
        if (sentIn != null) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The attachment was already sent");
        }
    }

    /**
     * Evidence of an appeal comes from the order's room: the appellant's own uploads, or anything already sent
     * there, never the other party's unsent files.
     */
    public void requireEvidenceFrom(UserId appellant, RoomId orderRoom) {
        if (!roomId.equals(orderRoom)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "The attachment was uploaded to another room");
        }
        if (!uploader.equals(appellant) && sentIn == null) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only your own uploads or sent files may be evidence");
        }
    }

    public Attachment sentIn(MessageId message) {
        return new Attachment(id, roomId, uploader, kind, mime, name, size, width, height, thumbnailMime, createdAt,
                message);
    }

    /**
     * A file name fit to keep and show: its last path segment, without control or text-direction characters
     * (which could disguise {@code gpj.exe} as {@code exe.jpg}), at most {@link #MAX_NAME_LENGTH} code points.
     */
    public static String cleanName(String sent) {
        if (sent == null) {
            return UNNAMED;
        }
        String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        last.codePoints().filter(Attachment::printable).limit(MAX_NAME_LENGTH).forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? UNNAMED : name;
    }

    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }
}
