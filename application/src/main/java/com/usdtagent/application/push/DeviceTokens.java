package com.usdtagent.application.push;

import com.usdtagent.domain.shared.BusinessException;

/** What the server accepts as an FCM registration token: opaque, printable, not absurdly long. */
final class DeviceTokens {

    static final int MAX_LENGTH = 4096;

    private DeviceTokens() {
    }

    static void requireAcceptable(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH
                || !token.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw BusinessException.invalidField("token", "must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces");
        }
    }
}
