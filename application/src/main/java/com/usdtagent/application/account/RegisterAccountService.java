package com.usdtagent.application.account;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;

import java.time.Clock;

public final class RegisterAccountService implements RegisterAccount {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final SessionKeeper sessions;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public RegisterAccountService(UserAccounts accounts, PasswordHasher hasher, SessionKeeper sessions,
                                  PhoneNumbers phoneNumbers, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Override
    public SignedIn register(Command command) {
        if (!Username.isValid(command.username())) {
            throw BusinessException.invalidField("username", "must be 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
        PhoneNumber phone = phoneNumbers.normalize(command.phone())
                .orElseThrow(() -> BusinessException.invalidField("phone", "must be a valid phone number in E.164 form"));
        UserAccount account = new UserAccount(UserId.newId(), new Username(command.username()), phone,
                hasher.hash(command.password()), command.role(), clock.instant());
        accounts.add(account);
        return new SignedIn(sessions.open(account, command.userAgent()), account.publicProfile());
    }
}
