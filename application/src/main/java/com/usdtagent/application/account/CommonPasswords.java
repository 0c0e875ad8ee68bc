package com.usdtagent.application.account;

/** The passwords people use most, which an attacker tries first. */
public interface CommonPasswords {

    /** Whether {@code password}, in any case, is among them. */
    boolean isCommon(String password);
}
