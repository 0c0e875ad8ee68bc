package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;

final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }

    static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw BusinessException.invalidField("password", "must be 8 to 128 characters");
        }
    }
}
