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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The sign-in sessions every account use case shares: opens them with a fresh refresh token, checks on every
 * request that a token's session and account are still active (reading the role from the account), and revokes
 * them. A check is remembered for {@link #CHECKED_FOR}; a revocation forgets it at once on this node and disconnects
 * the sessions' sockets on every node. {@link #renewChecks} renews the checks of the sessions in use in one read, so
 * that a busy socket's events do not each wait for the database in turn.
 */
public final class SessionKeeper {

    /** How long a session found active is taken as active without reading it again (on other nodes than the revoker). */
    public static final Duration CHECKED_FOR = Duration.ofSeconds(3);
    /** How often {@link #renewChecks} should run: well within {@link #CHECKED_FOR}, so that checks in use never lapse. */
    public static final Duration RENEW_EVERY = CHECKED_FOR.dividedBy(3);
    private static final int MAX_CHECKED = 100_000;
    private static final int RENEWED_PER_READ = 1_000;
    private static final int REFRESH_TOKEN_BYTES = 32;

    /** A session found active, with its account's role, until when that is believed, and whether it was asked since. */
    private static final class Checked {
        private final UserId user;
        private final Role role;
        private final Instant until;
        private volatile boolean used;

        Checked(UserAccount account, Instant until) {
            this.user = account.id();
            this.role = account.role();
            this.until = until;
        }
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
        if (known == null || !known.until.isAfter(now)) {
            known = load(claimed.session(), now);
            if (checked.size() >= MAX_CHECKED) {
                checked.clear();
            }
            checked.put(claimed.session(), known);
        }
        known.used = true;
        if (!known.user.equals(claimed.id())) {
            throw new BusinessException(ErrorCode.UNAUTHORIZED, "The token is invalid or expired");
        }
        return new AuthenticatedUser(claimed.id(), known.role, claimed.session());
    }

    private Checked load(SessionId id, Instant now) {
        LoginSession session = sessions.find(id).filter(this::isActive)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The session has ended; sign in again"));
        UserAccount account = accounts.findById(session.user()).filter(found -> !found.banned())
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account is closed or banned"));
        return new Checked(account, now.plus(CHECKED_FOR));
    }

    /**
     * Checks again, a thousand in one read, the sessions asked about since the last renewal: those still active (of an
     * account neither closed nor banned) are believed for {@link #CHECKED_FOR} more, the others forgotten, so that
     * their next event reads them and is refused. Checks nobody asked about lapse and are forgotten. When this does
     * not run or fails, each check lapses and is read again on its next event.
     */
    public void renewChecks() {
        Instant now = clock.instant();
        List<Map.Entry<SessionId, Checked>> used = new ArrayList<>();
        checked.forEach((id, known) -> {
            if (known.used) {
                used.add(Map.entry(id, known));
            } else if (!known.until.isAfter(now)) {
                checked.remove(id, known);
            }
        });
        for (int from = 0; from < used.size(); from += RENEWED_PER_READ) {
            renew(used.subList(from, Math.min(used.size(), from + RENEWED_PER_READ)), now);
        }
    }

    private void renew(List<Map.Entry<SessionId, Checked>> used, Instant now) {
        Map<SessionId, LoginSession> active = sessions.findAll(used.stream().map(Map.Entry::getKey).toList()).stream()
                .filter(this::isActive).collect(Collectors.toMap(LoginSession::id, session -> session));
        Map<UserId, UserAccount> standing = accounts.findAllById(active.values().stream().map(LoginSession::user)
                .distinct().toList()).stream().filter(account -> !account.banned())
                .collect(Collectors.toMap(UserAccount::id, account -> account));
        for (Map.Entry<SessionId, Checked> entry : used) {
            LoginSession session = active.get(entry.getKey());
            UserAccount account = session == null ? null : standing.get(session.user());
            // only the check read: a revocation meanwhile forgot it, and stays forgotten
            if (account == null) {
                checked.remove(entry.getKey(), entry.getValue());
            } else {
                checked.replace(entry.getKey(), entry.getValue(), new Checked(account, now.plus(CHECKED_FOR)));
            }
        }
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
