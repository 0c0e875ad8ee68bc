package com.usdtagent.application.account;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;

import java.util.Optional;

/** The stored accounts. */
public interface UserAccounts {

    /** Stores a new account; refuses with {@code CONFLICT} when the username (any case) or the phone is taken. */
    void add(UserAccount account);

    Optional<UserAccount> findById(UserId id);

    Optional<UserAccount> findByUsername(Username username);

    Optional<UserAccount> findByPhone(PhoneNumber phone);
}
