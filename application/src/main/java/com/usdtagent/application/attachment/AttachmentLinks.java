package com.usdtagent.application.attachment;

import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Signed, expiring links to the files, {@code /files/{id}?exp=...&sig=...} and {@code /files/{id}/thumbnail?...},
 * relative to the HTTP API: they work without an {@code Authorization} header, so that an {@code <img src>} or a
 * phone's image loader can fetch them. Expiry is rounded up to the whole minute, so that the links of one file
 * made within a minute are the same URL and a client's image cache finds them.
 */
public final class AttachmentLinks {

    private static final long ROUNDING_SECONDS = 60;

    private final LinkSigner signer;
    private final Duration timeToLive;
    private final Clock clock;

    public AttachmentLinks(LinkSigner signer, Duration timeToLive, Clock clock) {
        this.signer = signer;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    public AttachmentJson linked(Attachment attachment) {
        long expires = expiry();
        return new AttachmentJson(attachment.id().toString(), attachment.kind().name().toLowerCase(Locale.ROOT),
                attachment.mime(), attachment.name(), attachment.size(), attachment.width(), attachment.height(),
                link(attachment.id(), Variant.ORIGINAL, expires),
                attachment.hasThumbnail() ? link(attachment.id(), Variant.THUMBNAIL, expires) : null,
                Instant.ofEpochSecond(expires));
    }

    public List<AttachmentJson> linked(List<Attachment> attachments) {
        return attachments.stream().map(this::linked).toList();
    }

    /** A fresh link to one variant of the file. */
    public String link(AttachmentId id, Variant variant) {
        return link(id, variant, expiry());
    }

    /**
     * @param expires   the link's {@code exp}, seconds since the epoch, as it came
     * @param signature the link's {@code sig}, as it came
     * @throws BusinessException {@code FORBIDDEN} for a link that is malformed, tampered with or expired
     */
    public void requireValid(AttachmentId id, Variant variant, String expires, String signature) {
        long until;
        try {
            until = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException malformed) {
            throw refused();
        }
        if (signature == null || !signer.verify(signed(id, variant, until), signature)
                || clock.instant().getEpochSecond() >= until) {
            throw refused();
        }
    }

    private long expiry() {
        long seconds = clock.instant().plus(timeToLive).getEpochSecond();
        return (seconds + ROUNDING_SECONDS - 1) / ROUNDING_SECONDS * ROUNDING_SECONDS;
    }

    private String link(AttachmentId id, Variant variant, long expires) {
        String path = variant == Variant.ORIGINAL ? "/files/" + id : "/files/" + id + "/thumbnail";
        return path + "?exp=" + expires + "&sig=" + signer.sign(signed(id, variant, expires));
    }

    private static String signed(AttachmentId id, Variant variant, long expires) {
        return id + ":" + variant.name().toLowerCase(Locale.ROOT) + ":" + expires;
    }

    private static BusinessException refused() {
        return new BusinessException(ErrorCode.FORBIDDEN, "The link is not valid or has expired");
    }
}
