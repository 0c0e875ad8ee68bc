package com.usdtagent.application.account;

/** At start, creates the configured admin account unless it already exists. */
public interface EnsureAdminAccount {

    /** @return true when the account was created now */
    boolean ensure(String username, String password);
}
