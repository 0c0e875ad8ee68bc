package com.usdtagent.domain.attachment;

/** An image is shown inline with a thumbnail; a file (a PDF) is offered as a download. */
public enum AttachmentKind {
    IMAGE, FILE
}
