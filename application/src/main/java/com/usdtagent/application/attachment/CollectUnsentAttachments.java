package com.usdtagent.application.attachment;

/**
 * Deletes the attachments that no message and no appeal uses an hour after their upload, with their bytes; each one
 * once, whichever node's timer gets to it. Also forgets the upload quotas of past days.
 */
public interface CollectUnsentAttachments {

    /** @return how many attachments were deleted */
    int collect();
}
