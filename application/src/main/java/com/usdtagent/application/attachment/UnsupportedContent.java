package com.usdtagent.application.attachment;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;

import java.util.List;

/** An upload whose bytes are not a whole file of an accepted type: {@code VALIDATION_FAILED}, which HTTP answers with 415. */
public final class UnsupportedContent extends BusinessException {

    public UnsupportedContent(String why) {
        super(ErrorCode.VALIDATION_FAILED, "The file is not an accepted JPEG, PNG, WebP or PDF",
                List.of(new FieldError("file", why)));
    }
}
