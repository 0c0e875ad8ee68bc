package com.usdtagent.application.account;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class RegisterAccountService implements RegisterAccount {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final SessionKeeper sessions;
    private final PhoneNumbers phoneNumbers;
    private final CommonPasswords commonPasswords;
    private final SignInThrottle throttle;
    private final Clock clock;

    public RegisterAccountService(UserAccounts accounts, PasswordHasher hasher, SessionKeeper sessions,
                                  PhoneNumbers phoneNumbers, CommonPasswords commonPasswords, SignInThrottle throttle,
                                  Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.phoneNumbers = phoneNumbers;
        this.commonPasswords = commonPasswords;
        this.clock = clock;
    }

    @Override
    public SignedIn register(Command command) {
        // every attempt counts, refused ones too: a 409 tells whether a phone is registered
        throttle.registering(command.clientAddress());
        List<FieldError> refusals = new ArrayList<>();
        usernameProblem(command.username()).ifPresent(why -> refusals.add(new FieldError("username", why)));
        Optional<PhoneNumber> phone = phoneNumbers.normalize(command.phone());
        phoneProblem(command.phone(), phone).ifPresent(why -> refusals.add(new FieldError("phone", why)));
        Passwords.problem(command.password(), command.username(), commonPasswords)
                .ifPresent(why -> refusals.add(new FieldError("password", why)));
        if (command.role() == null || command.role() == Role.ADMIN) {
            refusals.add(new FieldError("role", "must be user or agent"));
        }
        if (!refusals.isEmpty()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "Request validation failed", refusals);
        }
        UserAccount account = new UserAccount(UserId.newId(), new Username(command.username()), phone.orElseThrow(),
                hasher.hash(command.password()), command.role(), clock.instant());
        accounts.add(account);
        return new SignedIn(sessions.open(account, command.userAgent()), account.publicProfile());
    }

    private static Optional<String> usernameProblem(String username) {
        if (!Username.isValid(username)) {
            return Optional.of("must be 3 to 32 of A-Z, a-z, 0-9, '_' and '.'");
        }
        return Username.impersonatesStaff(username)
                ? Optional.of("must not look like a staff name such as admin, support or system") : Optional.empty();
    }

    /** Only impossible numbers are refused; a national form is ambiguous on a marketplace that spans countries. */
    private static Optional<String> phoneProblem(String typed, Optional<PhoneNumber> phone) {
        if (typed == null || typed.isBlank()) {
            return Optional.of("is required");
        }
        if (!typed.strip().startsWith("+")) {
            return Optional.of("must start with + and the country code, such as +44 7911 123456");
        }
        return phone.isEmpty() ? Optional.of("is not a possible phone number") : Optional.empty();
    }
}
