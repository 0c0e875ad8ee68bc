package com.usdtagent.application.moderation;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

final class Moderators {

    private Moderators() {
    }

    static void requireAdmin(AuthenticatedUser caller) {
        if (caller.role() != Role.ADMIN) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only an admin may do this");
        }
    }
}
