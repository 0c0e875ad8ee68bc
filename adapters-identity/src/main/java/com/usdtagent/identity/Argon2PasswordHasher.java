package com.usdtagent.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.usdtagent.application.account.PasswordHasher;

/** Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane); the encoded hash carries its own salt. */
final class Argon2PasswordHasher implements PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        // Password4j compares the derived bytes in constant time
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
