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
    private final AccessTokens tokens;
    private final PhoneNumbers phoneNumbers;
    private final SignInThrottle throttle;
    private final Clock clock;

    public RegisterAccountService(UserAccounts accounts, PasswordHasher hasher, AccessTokens tokens,
                                  PhoneNumbers phoneNumbers, SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Override
    public SignedIn register(Command command) {
        // every attempt counts, refused ones too: a 409 tells whether a phone is registered
        throttle.registering(command.clientAddress());
        if (!Username.isValid(command.username())) {
            throw BusinessException.invalidField("username", "must be 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
        PhoneNumber phone = phoneNumbers.normalize(command.phone())
                .orElseThrow(() -> BusinessException.invalidField("phone", "must be a valid phone number in E.164 form"));
        UserAccount account = new UserAccount(UserId.newId(), new Username(command.username()), phone,
                hasher.hash(command.password()), command.role(), clock.instant());
        accounts.add(account);
        return new SignedIn(tokens.issue(account), account.publicProfile());
    }
}
