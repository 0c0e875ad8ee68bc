package com.usdtagent.usecases.account;

import com.usdtagent.application.account.AccessTokens;
import com.usdtagent.application.account.IssuedToken;
import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.LogInService;
import com.usdtagent.application.account.PasswordHasher;
import com.usdtagent.application.account.SessionKeeper;
import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.RateLimitedException;
import com.usdtagent.memory.InMemoryAdapters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The login back-off on the in-memory adapters, with time moved by hand: how it grows, caps and starts over. */
class LogInLimitsTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final InMemoryAdapters memory = InMemoryAdapters.create();
    private final PasswordHasher hasher = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "hash:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals("hash:" + password);
        }
    };
    private final AccessTokens tokens = new AccessTokens() {
        @Override
        public IssuedToken issue(UserAccount account, SessionId session) {
            return new IssuedToken("token-of-" + account.username().value(), memory.clock().instant().plusSeconds(60));
        }

        @Override
        public Optional<com.usdtagent.application.account.AuthenticatedUser> verify(String token) {
            return Optional.empty();
        }
    };
    private final SessionKeeper sessions = new SessionKeeper(memory.loginSessions(), memory.userAccounts(), tokens,
            memory.sessionSignals(), Duration.ofDays(30), memory.clock());
    private final LogIn logIn = new LogInService(memory.userAccounts(), hasher, sessions, typed -> Optional.empty(),
            new SignInThrottle(memory.attemptCounters(), SignInThrottle.Limits.DEFAULTS, memory.clock()));

    LogInLimitsTest() {
        memory.userAccounts().add(new UserAccount(UserId.newId(), new Username("ann"), null, hasher.hash("right"),
                Role.USER, memory.clock().instant()));
    }

    @AfterEach
    void close() {
        memory.close();
    }

    private ErrorCode attempt(String login, String password, String address) {
        try {
            logIn.logIn(new LogIn.Command(login, password, address, "test"));
            return null;
        } catch (BusinessException refused) {
            return refused.code();
        }
    }

    private Duration retryAfter(String login, String password) {
        return catchThrowableOfType(RateLimitedException.class,
                () -> logIn.logIn(new LogIn.Command(login, password, "10.0.0.1", "test"))).retryAfter();
    }

    private void failFiveTimes(String login) {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(login, "wrong", "10.0.0." + i)).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void theBackOffDoublesWithEachFailureUpToAnHour() {
        failFiveTimes("ann");
        assertThat(retryAfter("ann", "right")).isEqualTo(Duration.ofMinutes(1));

        for (long minutes = 1; minutes < 60; minutes *= 2) {
            memory.advanceClock(Duration.ofMinutes(minutes));
            assertThat(attempt("ann", "wrong", "10.0.0.9")).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(retryAfter("ann", "right")).isEqualTo(Duration.ofMinutes(Math.min(minutes * 2, 60)));
        }
        memory.advanceClock(Duration.ofHours(1));
        assertThat(attempt("ann", "right", "10.0.0.9")).isNull();
    }

    @Test
    void theCountStartsOverAfterAQuietWindowAndARightPasswordClearsIt() {
        failFiveTimes("ann");
        memory.advanceClock(Duration.ofMinutes(1).plus(WINDOW).plusSeconds(1));
        failFiveTimes("ann");
        assertThat(retryAfter("ann", "right")).isEqualTo(Duration.ofMinutes(1));

        memory.advanceClock(Duration.ofMinutes(1));
        assertThat(attempt("ann", "right", "10.0.0.9")).isNull();
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("ann", "wrong", "10.0.0.9")).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
        assertThat(attempt("ann", "right", "10.0.0.9")).isNull();
    }

    @Test
    void aLoginThatNamesNobodyBacksOffTheSameWaySoTheRefusalRevealsNothing() {
        failFiveTimes("nobody");
        assertThat(retryAfter("nobody", "anything")).isEqualTo(Duration.ofMinutes(1));
        assertThat(attempt("ann", "right", "10.0.0.4")).isNull();
    }
}
