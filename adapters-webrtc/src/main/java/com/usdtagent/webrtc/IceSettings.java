package com.usdtagent.webrtc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The STUN and TURN servers handed to the participants of a WebRTC call.
 *
 * @param stunUrls             {@code stun:host[:port]} or {@code stuns:...} (RFC 7064); may be empty
 * @param turnUrls             {@code turn:host[:port][?transport=udp|tcp]} or {@code turns:...} (RFC 7065); may be
 *                             empty
 * @param turnSecret           the coturn {@code static-auth-secret}; present exactly when there are TURN urls
 * @param credentialTimeToLive how long a TURN credential is accepted
 * @param relayOnly            ICE may use relay candidates only; needs TURN urls
 */
public record IceSettings(List<String> stunUrls, List<String> turnUrls, Optional<String> turnSecret,
                          Duration credentialTimeToLive, boolean relayOnly) {

    private static final String HOST_PORT = "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9][A-Za-z0-9.-]*)(:(\\d{1,5}))?";
    private static final Pattern STUN_URL = Pattern.compile("stuns?:" + HOST_PORT);
    private static final Pattern TURN_URL = Pattern.compile("turns?:" + HOST_PORT + "(\\?transport=(udp|tcp))?");

    public IceSettings {
        stunUrls = List.copyOf(stunUrls);
        turnUrls = List.copyOf(turnUrls);
        Objects.requireNonNull(turnSecret, "turnSecret");
        Objects.requireNonNull(credentialTimeToLive, "credentialTimeToLive");
        if (turnUrls.isEmpty() == turnSecret.isPresent()) {
            throw new IllegalArgumentException("TURN urls and the TURN secret go together");
        }
        if (relayOnly && turnUrls.isEmpty()) {
            throw new IllegalArgumentException("relay-only ICE needs a TURN server");
        }
    }


    /** Splits a comma-separated list of STUN urls; refuses anything but {@code stun:} / {@code stuns:} urls. */
    public static List<String> stunUrls(String commaSeparated) {
        return urls(commaSeparated, STUN_URL, "stun:host[:port] or stuns:host[:port]");
    }

    /** Splits a comma-separated list of TURN urls; refuses anything but {@code turn:} / {@code turns:} urls. */
    public static List<String> turnUrls(String commaSeparated) {
        return urls(commaSeparated, TURN_URL, "turn:host[:port][?transport=udp|tcp] or turns:...");
    }

    private static List<String> urls(String commaSeparated, Pattern shape, String expected) {
        List<String> urls = Arrays.stream(commaSeparated.split(",", -1)).map(String::strip).toList();
        for (String url : urls) {
            var match = shape.matcher(url);
            if (!match.matches() || (match.group(3) != null && !isPort(match.group(3)))) {
                throw new IllegalArgumentException(
                        "must be comma-separated urls like " + expected + ", got '" + url + "'");
            }
        }
        return urls;
    }

    private static boolean isPort(String digits) {
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535;
    }

    @Override
    public String toString() {
        return "IceSettings[stun=" + stunUrls + ", turn=" + turnUrls
                + ", turnSecret=" + (turnSecret.isPresent() ? "set" : "none")
                + ", credentialTimeToLive=" + credentialTimeToLive + ", relayOnly=" + relayOnly + "]";
    }
}
