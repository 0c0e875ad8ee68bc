package com.usdtagent.application.account;

/** Slow salted password hashes. */
public interface PasswordHasher {

    String hash(String password);

    /** Compares in constant time. */
    boolean matches(String password, String hash);
}
