package com.usdtagent.application.call;

import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

/** A call is shown only to its participants; to anybody else it does not exist. */
final class CallAccess {

    private CallAccess() {
    }

    static BusinessException notFound() {
        return new BusinessException(ErrorCode.NOT_FOUND, "Call not found");
    }
}
