package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.RateLimitedException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The brakes on guessing passwords and on opening accounts in bulk. Failed logins are counted per account (from any
 * address) and, more loosely, per client address; past the limit in {@link Limits#loginWindow} the key is refused
 * for {@link Limits#loginBackoff}, doubling with each further failure up to {@link #LONGEST_BACKOFF}, and a refused
 * key is refused even with the right password. Registrations are counted per address per hour.
 */
public final class SignInThrottle {

    static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
    private static final Duration REGISTRATION_WINDOW = Duration.ofHours(1);

    /**
     * @param loginFailuresPerAccount failed logins of one account in the window before it is refused for a while
     * @param loginFailuresPerAddress failed logins from one client address in the window, on any accounts
     * @param loginWindow             the window failures are counted in; it starts over after a quiet one
     * @param loginBackoff            the first refusal's length, doubled by each failure after it
     * @param registrationsPerHour    registrations one client address may try in an hour
     */
    public record Limits(int loginFailuresPerAccount, int loginFailuresPerAddress, Duration loginWindow,
                         Duration loginBackoff, int registrationsPerHour) {

        public static final Limits DEFAULTS = new Limits(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(1), 20);
    }

    private final AttemptCounters counters;
    private final Limits limits;
    private final Clock clock;

    public SignInThrottle(AttemptCounters counters, Limits limits, Clock clock) {
        this.counters = counters;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Refuses a login while the address or the account is backing off, before the password is even checked.
     *
     * @param account the account the login names, if any; a login that names nobody backs off the same way, so
     *                that a refusal does not tell whether an account exists
     */
    void beforeLogIn(Optional<UserId> account, String login, String address) {
        Instant now = clock.instant();
        refuseIfBlocked(addressKey(address), now);
        refuseIfBlocked(accountKey(account, login), now);
    }

    void logInFailed(Optional<UserId> account, String login, String address) {
        Instant now = clock.instant();
        countFailure(addressKey(address), limits.loginFailuresPerAddress(), now);
        countFailure(accountKey(account, login), limits.loginFailuresPerAccount(), now);
    }

    /** A right password wipes the account's failures; the address keeps its own. */
    void loggedIn(UserId account) {
        counters.clear(accountKey(Optional.of(account), null));
    }

    /** Counts a registration attempt of the address, refusing it past the hour's limit. */
    void registering(String address) {
        Instant now = clock.instant();
        var count = counters.add("registrations:" + address, now, now.minus(REGISTRATION_WINDOW));
        if (count.attempts() > limits.registrationsPerHour()) {
            throw new RateLimitedException("Too many registrations from your address; try again later",
                    Duration.between(now, count.windowStartedAt().plus(REGISTRATION_WINDOW)));
        }
    }

    /** Drops the counts of keys quiet for a day; run now and then on any node. */
    public void forgetQuietKeys() {
        counters.forgetBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private void countFailure(String key, int allowed, Instant now) {
        var count = counters.add(key, now, now.minus(limits.loginWindow()));
        int over = count.attempts() - allowed;
        if (over >= 0) {
            Duration backoff = over >= 30 ? LONGEST_BACKOFF : limits.loginBackoff().multipliedBy(1L << over);
            counters.block(key, now.plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff));
        }
    }

    private void refuseIfBlocked(String key, Instant now) {
        counters.blockedUntil(key, now).ifPresent(until -> {
            throw new RateLimitedException("Too many failed logins; try again later", Duration.between(now, until));
        });
    }

    /** The account's id; for a login that names nobody, a hash of it, so that no typed phone number is kept. */
    private static String accountKey(Optional<UserId> account, String login) {
        return account.map(id -> "login-account:" + id).orElseGet(() -> "login-unknown:" + sha256(
                login == null ? "" : login.strip().toLowerCase(Locale.ROOT)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    private static String addressKey(String address) {
        return "login-address:" + address;
    }
}
