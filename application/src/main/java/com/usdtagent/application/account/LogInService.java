package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.util.Optional;

public final class LogInService implements LogIn {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final SessionKeeper sessions;
    private final PhoneNumbers phoneNumbers;
    private final SignInThrottle throttle;
    /** Checked against when the login names nobody, so that an unknown login costs as much as a wrong password. */
    private final String decoyHash;

    public LogInService(UserAccounts accounts, PasswordHasher hasher, SessionKeeper sessions, PhoneNumbers phoneNumbers,
                        SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.hasher = hasher;
        this.sessions = sessions;
        this.phoneNumbers = phoneNumbers;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    @Override
    public SignedIn logIn(Command command) {
        String password = command.password() == null ? "" : command.password();
        Optional<UserAccount> account = find(command.login());
        Optional<UserId> accountId = account.map(UserAccount::id);
        throttle.beforeLogIn(accountId, command.login(), command.clientAddress());
        boolean matches = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throttle.logInFailed(accountId, command.login(), command.clientAddress());
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "Wrong login or password");
        }
        if (account.get().banned()) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "This account is banned");
        }
        throttle.loggedIn(account.get().id());
        return new SignedIn(sessions.open(account.get(), command.userAgent()), account.get().publicProfile());
    }

    private Optional<UserAccount> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        Optional<UserAccount> byName = Username.isValid(login)
                ? accounts.findByUsername(new Username(login)) : Optional.empty();
        return byName.or(() -> phoneNumbers.normalize(login).flatMap(accounts::findByPhone));
    }
}
