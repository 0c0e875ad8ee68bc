package com.usdtagent.application.account;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stored accounts. */
public interface UserAccounts {

    /** Stores a new account; refuses with {@code CONFLICT} when the username (any case) or the phone is taken. */
    void add(UserAccount account);

    Optional<UserAccount> findById(UserId id);

    /** The accounts of these ids that exist, in no particular order. */
    List<UserAccount> findAllById(Collection<UserId> ids);

    Optional<UserAccount> findByUsername(Username username);

    Optional<UserAccount> findByPhone(PhoneNumber phone);

    void changePasswordHash(UserId id, String passwordHash);

    /** Bans the account from {@code bannedAt} on, or lifts its ban with null. */
    void setBannedAt(UserId id, Instant bannedAt);
}
