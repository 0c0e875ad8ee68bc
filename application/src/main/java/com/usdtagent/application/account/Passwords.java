package com.usdtagent.application.account;

import com.usdtagent.domain.shared.BusinessException;

import java.util.Optional;

final class Passwords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {
    }

    /** The length rule alone, for the admin account from the environment; {@code field} names it in the refusal. */
    static void requireAcceptable(String password, String field) {
        lengthProblem(password).ifPresent(why -> {
            throw BusinessException.invalidField(field, why);
        });
    }

    /** The rules of registration, for a new password wherever a person sets one. */
    static Optional<String> problem(String password, String username, CommonPasswords commonPasswords) {
        Optional<String> length = lengthProblem(password);
        if (length.isPresent()) {
            return length;
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("must not be the username");
        }
        return commonPasswords.isCommon(password)
                ? Optional.of("is one of the most used passwords; choose another") : Optional.empty();
    }

    private static Optional<String> lengthProblem(String password) {
        return password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                ? Optional.of("must be 8 to 128 characters") : Optional.empty();
    }
}
