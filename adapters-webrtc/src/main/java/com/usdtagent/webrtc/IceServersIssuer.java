package com.usdtagent.webrtc;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.call.VoiceTokenIssuer;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Hands each participant the STUN servers as they are and the TURN servers with fresh credentials of their own.
 * Nothing in them comes from the call or the participant: the TURN username is the expiry and 128 random bits.
 */
final class IceServersIssuer implements VoiceTokenIssuer {

    private static final int ID_BYTES = 16;

    private final IceSettings settings;
    private final Optional<TurnCredentials> credentials;
    private final Clock clock;
    private final RandomGenerator random;

    IceServersIssuer(IceSettings settings, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.credentials = settings.turnSecret().map(TurnCredentials::new);
        this.clock = clock;
        this.random = random;
    }

    @Override
    public RtcAccess issue(CallSession call, UserId participant) {
        // whole seconds: the TURN username carries the expiry in seconds, and expiresAt must not promise more
        Instant expiresAt = clock.instant().plus(settings.credentialTimeToLive()).truncatedTo(ChronoUnit.SECONDS);
        List<RtcAccess.IceServer> servers = new ArrayList<>();
        if (!settings.stunUrls().isEmpty()) {
            servers.add(new RtcAccess.IceServer(settings.stunUrls(), null, null));
        }
        credentials.ifPresent(turn -> servers.add(turn.issue(settings.turnUrls(), expiresAt, randomId())));
        return new RtcAccess.WebRtc(servers, settings.relayOnly(), expiresAt);
    }

    private String randomId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @Override
    public String toString() {
        return "IceServersIssuer[" + settings + "]";
    }
}
