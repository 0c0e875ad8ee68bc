package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;

import java.util.Optional;

final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }

    static void requireAcceptable(String password) {
        lengthProblem(password).ifPresent(why -> {
            throw BusinessException.invalidField("password", why);
        });
    }

    static Optional<String> lengthProblem(String password) {
        return password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                ? Optional.of("must be 8 to 128 characters") : Optional.empty();
    }
}
