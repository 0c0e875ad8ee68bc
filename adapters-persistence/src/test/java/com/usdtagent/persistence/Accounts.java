package com.usdtagent.persistence;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Accounts for tests. */
final class Accounts {

    private Accounts() {
    }

    static UserAccount account(String username, String phone, Role role) {
        // PostgreSQL keeps microseconds, so a finer instant would not compare equal after a round trip
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new UserAccount(UserId.newId(), new Username(username), phone == null ? null : new PhoneNumber(phone),
                "hash-of-" + username, role, createdAt);
    }
}
