package com.usdtagent.application.attachment;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.attachment.AttachmentId;

/**
 * {@code GET /api/attachments/{id}}: a fresh signed link to the file, for a member of its room and for an admin while
 * an order of the room is under appeal. Anyone else is told it does not exist ({@code NOT_FOUND}).
 */
public interface OpenAttachment {

    String open(AuthenticatedUser viewer, AttachmentId id);
}
