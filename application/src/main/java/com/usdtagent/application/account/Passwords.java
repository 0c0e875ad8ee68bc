package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;

final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }

    /** The rules of registration, for a new password wherever it is set; {@code field} names it in the refusal. */
    static void requireAcceptable(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw BusinessException.invalidField(field, "must be 8 to 128 characters");
        }
    }
}
