package com.usdtagent.bootstrap;

import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.socketio.SocketSettings;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits an abuser meets: socket events and sockets per user, failed logins and registrations, unpaid and
 * cancelled orders, and the proxies whose word on a client's address is taken.
 *
 * @param trustedProxies IP addresses, as written
 */
record LimitSettings(SocketSettings.Limits sockets, SignInThrottle.Limits signIn, OrderLimits orders,
                     List<String> trustedProxies) {

    static final LimitSettings DEFAULTS = new LimitSettings(SocketSettings.Limits.DEFAULTS,
            SignInThrottle.Limits.DEFAULTS, OrderLimits.DEFAULTS, List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    static LimitSettings from(Settings.Reader reader) {
        var sockets = new SocketSettings.Limits(
                reader.integer("RATE_LIMIT_EVENTS_PER_SECOND", SocketSettings.Limits.DEFAULTS.eventsPerSecond(), 1, 10_000),
                reader.integer("RATE_LIMIT_EVENTS_BURST", SocketSettings.Limits.DEFAULTS.eventsBurst(), 1, 100_000),
                reader.integer("SOCKETS_PER_USER", SocketSettings.Limits.DEFAULTS.socketsPerUser(), 1, 1000));
        SignInThrottle.Limits defaults = SignInThrottle.Limits.DEFAULTS;
        Duration backoff = reader.duration("RATE_LIMIT_LOGIN_BACKOFF", defaults.loginBackoff());
        if (backoff.compareTo(Duration.ofSeconds(1)) < 0 || backoff.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidSettingException("RATE_LIMIT_LOGIN_BACKOFF", "must be from 1s to 1h");
        }
        var signIn = new SignInThrottle.Limits(
                reader.integer("RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT", defaults.loginFailuresPerAccount(), 1, 1000),
                reader.integer("RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS", defaults.loginFailuresPerAddress(), 1, 1_000_000),
                defaults.loginWindow(), backoff,
                reader.integer("RATE_LIMIT_REGISTRATIONS_PER_HOUR", defaults.registrationsPerHour(), 1, 1_000_000));
        var orders = new OrderLimits(
                reader.integer("MAX_UNPAID_ORDERS_PER_USER", OrderLimits.DEFAULTS.maxUnpaid(), 1, 1000),
                reader.integer("MAX_CANCELLATIONS_PER_DAY", OrderLimits.DEFAULTS.maxCancellationsPerDay(), 1, 1000));
        return new LimitSettings(sockets, signIn, orders, trustedProxies(reader));
    }

    private static List<String> trustedProxies(Settings.Reader reader) {
        return reader.text("TRUSTED_PROXIES").map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(proxy -> !proxy.isEmpty()).map(LimitSettings::ipAddress).toList()).orElse(List.of());
    }

    /** An IP literal as written: a host name would mean trusting whatever it resolves to. */
    private static String ipAddress(String proxy) {
        if (IPV4.matcher(proxy).matches() || IPV6.matcher(proxy).matches()) {
            return proxy;
        }
        throw new InvalidSettingException("TRUSTED_PROXIES",
                "must be IP addresses separated by commas, such as 10.0.0.7,10.0.0.8, got '" + proxy + "'");
    }
}
