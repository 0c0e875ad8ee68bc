package com.usdtagent.usecases.account;

import com.usdtagent.application.account.AccessTokens;
import com.usdtagent.application.account.AuthenticateTokenService;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.EndSessionService;
import com.usdtagent.application.account.IssuedToken;
import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.LogInService;
import com.usdtagent.application.account.PasswordHasher;
import com.usdtagent.application.account.RefreshSessionService;
import com.usdtagent.application.account.SessionKeeper;
import com.usdtagent.application.account.SessionTokens;
import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.account.SignedIn;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.memory.InMemoryAdapters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long sessions last and how fast a revocation is seen, on the in-memory adapters and a moving clock. */
class SessionLifetimeTest {

    private static final Duration SESSION_TTL = Duration.ofDays(30);

    private final InMemoryAdapters memory = InMemoryAdapters.create();
    private final Tokens tokens = new Tokens();
    private final SessionKeeper keeper = keeper();
    private final RefreshSessionService refresh = new RefreshSessionService(memory.loginSessions(),
            memory.userAccounts(), keeper, memory.transactions());
    private final LogInService logIn = new LogInService(memory.userAccounts(), new PlainHasher(), keeper,
            typed -> Optional.empty(), new SignInThrottle(memory.attemptCounters(), SignInThrottle.Limits.DEFAULTS,
            memory.clock()));

    @Test
    void aSessionLastsWhileItIsRefreshedAndEndsTheSessionTtlAfterItsLastRefresh() {
        SessionTokens signedIn = logIn(account("kept")).tokens();

        memory.advanceClock(Duration.ofDays(20));
        SessionTokens refreshed = refresh.refresh(signedIn.refreshToken());
        memory.advanceClock(Duration.ofDays(20));
        SessionTokens again = refresh.refresh(refreshed.refreshToken());
        memory.advanceClock(SESSION_TTL);

        assertUnauthorized(() -> refresh.refresh(again.refreshToken()));
        assertUnauthorized(() -> authenticate(keeper(), again));
    }

    @Test
    void aReusedRefreshTokenRevokesTheSessionAndSignalsIt() {
        SessionTokens signedIn = logIn(account("copied")).tokens();
        SessionTokens rotated = refresh.refresh(signedIn.refreshToken());

        assertUnauthorized(() -> refresh.refresh(signedIn.refreshToken()));

        assertUnauthorized(() -> refresh.refresh(rotated.refreshToken()));
        assertThat(memory.sent()).filteredOn(sent -> sent.signal().equals("revoked")).hasSize(1);
    }

    @Test
    void theRevokingNodeRefusesAtOnceAndAnotherTrustsItsLastCheckForAFewSeconds() {
        SessionTokens signedIn = logIn(account("ended")).tokens();
        SessionKeeper otherNode = keeper();
        AuthenticatedUser caller = authenticate(keeper, signedIn);
        authenticate(otherNode, signedIn);

        new EndSessionService(memory.loginSessions(), keeper).end(caller, caller.session());

        assertUnauthorized(() -> authenticate(keeper, signedIn));
        assertThat(authenticate(otherNode, signedIn).id()).isEqualTo(caller.id());
        memory.advanceClock(SessionKeeper.CHECKED_FOR);
        assertUnauthorized(() -> authenticate(otherNode, signedIn));
    }

    @Test
    void aRenewalKeepsTheChecksInUseAndForgetsTheEndedOnesWithoutWaitingForThemToLapse() {
        SessionTokens kept = logIn(account("renewed")).tokens();
        SessionTokens ended = logIn(account("revoked_elsewhere")).tokens();
        SessionKeeper node = keeper();
        AuthenticatedUser keptCaller = authenticate(node, kept);
        AuthenticatedUser endedCaller = authenticate(node, ended);
        new EndSessionService(memory.loginSessions(), keeper).end(endedCaller, endedCaller.session());
        memory.advanceClock(SessionKeeper.RENEW_EVERY);

        node.renewChecks();

        assertUnauthorized(() -> authenticate(node, ended)); // its last check had two seconds to go
        // from here on a read refuses every session: what still passes, passes on the renewal's word
        memory.loginSessions().deleteUsedLastBefore(memory.clock().instant().plusSeconds(1));
        memory.advanceClock(SessionKeeper.CHECKED_FOR.minus(SessionKeeper.RENEW_EVERY.dividedBy(2)));
        assertThat(authenticate(node, kept).id()).isEqualTo(keptCaller.id());
    }

    @Test
    void aCheckNobodyAskedAboutSinceTheLastRenewalLapses() {
        SessionTokens idle = logIn(account("idle")).tokens();
        SessionKeeper node = keeper();
        authenticate(node, idle);
        node.renewChecks();
        memory.loginSessions().deleteUsedLastBefore(memory.clock().instant().plusSeconds(1));

        node.renewChecks(); // not asked about since: not renewed
        memory.advanceClock(SessionKeeper.CHECKED_FOR);

        assertUnauthorized(() -> authenticate(node, idle));
    }

    @Test
    void theRoleIsTheAccountsAndABannedAccountIsRefused() {
        UserAccount agent = account("switched");
        SessionTokens signedIn = logIn(agent).tokens();
        assertThat(authenticate(keeper, signedIn).role()).isEqualTo(Role.AGENT);

        memory.userAccounts().setBannedAt(agent.id(), memory.clock().instant());
        memory.advanceClock(SessionKeeper.CHECKED_FOR);

        assertUnauthorized(() -> authenticate(keeper, signedIn));
        assertThatThrownBy(() -> logIn(agent)).isInstanceOfSatisfying(BusinessException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    private SessionKeeper keeper() {
        return new SessionKeeper(memory.loginSessions(), memory.userAccounts(), tokens, memory.sessionSignals(),
                SESSION_TTL, memory.clock());
    }

    private UserAccount account(String name) {
        var account = new UserAccount(UserId.newId(), new Username(name), null, "plain:password-1", Role.AGENT,
                memory.clock().instant());
        memory.userAccounts().add(account);
        return account;
    }

    private SignedIn logIn(UserAccount account) {
        return logIn.logIn(new LogIn.Command(account.username().value(), "password-1", "10.0.0.1", "test"));
    }

    private AuthenticatedUser authenticate(SessionKeeper node, SessionTokens tokens) {
        return new AuthenticateTokenService(this.tokens, node).authenticate(tokens.access().value());
    }

    private static void assertUnauthorized(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(BusinessException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    /** Access tokens that never expire by themselves: what is tested here is the session behind them. */
    private static final class Tokens implements AccessTokens {
        private final Map<String, AuthenticatedUser> issued = new ConcurrentHashMap<>();

        @Override
        public IssuedToken issue(UserAccount account, SessionId session) {
            String token = "token-" + issued.size();
            issued.put(token, new AuthenticatedUser(account.id(), account.role(), session));
            return new IssuedToken(token, Instant.MAX);
        }

        @Override
        public Optional<AuthenticatedUser> verify(String token) {
            return Optional.ofNullable(issued.get(token));
        }
    }

    private static final class PlainHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals(hash(password));
        }
    }
}
