package com.usdtagent.application.account;

import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-in sessions every account use case shares: opens them with a fresh refresh token, checks on every
 * request that a token's session and account are still active (reading the role from the account), and revokes
 * them. A check is remembered for {@link #CHECKED_FOR}; a revocation forgets it at once on this node and disconnects
 * the sessions' sockets on every node.
 */
public final class SessionKeeper {

    /** How long a session found active is taken as active without reading it again (on other nodes than the revoker). */
    public static final Duration CHECKED_FOR = Duration.ofSeconds(3);
    private static final int MAX_CHECKED = 100_000;
    private static final int REFRESH_TOKEN_BYTES = 32;

    /** A session found active, with its account's role, and until when that is believed. */
    private record Checked(UserId user, Role role, Instant until) {
    }

    private final LoginSessions sessions;
    private final UserAccounts accounts;
    private final AccessTokens tokens;
    private final SessionSignals signals;
    private final Duration timeToLive;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<SessionId, Checked> checked = new ConcurrentHashMap<>();

    /** @param timeToLive how long a session lasts without a refresh */
    public SessionKeeper(LoginSessions sessions, UserAccounts accounts, AccessTokens tokens, SessionSignals signals,
                         Duration timeToLive, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.signals = signals;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** Opens a session of the account, as a login or a registration does; joins the caller's transaction. */
    SessionTokens open(UserAccount account, String userAgent) {
        String refreshToken = newRefreshToken();
        LoginSession session = LoginSession.open(account.id(), hash(refreshToken), userAgent, clock.instant());
        sessions.add(session);
        return tokens(account, session.id(), refreshToken);
    }

    SessionTokens tokens(UserAccount account, SessionId session, String refreshToken) {
        IssuedToken access = tokens.issue(account, session);
        long expiresIn = ChronoUnit.SECONDS.between(clock.instant().truncatedTo(ChronoUnit.SECONDS), access.expiresAt());
        return new SessionTokens(access, refreshToken, Math.max(0, expiresIn));
    }

    String newRefreshToken() {
        byte[] bytes = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a refresh token: it is random and long, so a fast hash cannot be turned back. */
    static String hash(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }

    boolean isActive(LoginSession session) {
        return session.isActive(timeToLive, clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    /** The caller a verified token names, if its session and account are still active, with the account's role. */
    AuthenticatedUser check(AuthenticatedUser claimed) {
        if (claimed.session() == null) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired");
        }
        Instant now = clock.instant();
        Checked known = checked.get(claimed.session());
        if (known == null || !known.until().isAfter(now)) {
            known = load(claimed.session(), now);
            if (checked.size() >= MAX_CHECKED) {
                checked.clear();
            }
            checked.put(claimed.session(), known);
        }
        if (!known.user().equals(claimed.id())) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired");
        }
        return new AuthenticatedUser(claimed.id(), known.role(), claimed.session());
    }

    private Checked load(SessionId id, Instant now) {
        LoginSession session = sessions.find(id).filter(this::isActive)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The session has ended; sign in again"));
        UserAccount account = accounts.findById(session.user()).filter(found -> !found.banned())
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account is closed or banned"));
        return new Checked(account.id(), account.role(), now.plus(CHECKED_FOR));
    }

    /** Revokes every session of the user but {@code keep} (null: every one). */
    public void revokeAllOf(UserId user, SessionId keep) {
        Instant now = clock.instant();
        List<LoginSession> ended = sessions.unrevokedOf(user).stream()
                .filter(session -> !session.id().equals(keep))
                .map(session -> session.revoked(now))
                .toList();
        ended.forEach(sessions::update);
        forget(ended.stream().map(LoginSession::id).toList());
    }

    /** Revokes one session; a session already revoked stays as it was. */
    void revoke(LoginSession session) {
        if (session.revokedAt() == null) {
            sessions.update(session.revoked(clock.instant()));
        }
        forget(List.of(session.id()));
    }

    /** Forgets the checks of sessions just revoked, and has their sockets disconnected on every node. */
    void forget(Collection<SessionId> revoked) {
        if (revoked.isEmpty()) {
            return;
        }
        revoked.forEach(checked::remove);
        signals.revoked(revoked);
    }
}
