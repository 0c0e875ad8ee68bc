package com.usdtagent.agora;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.call.VoiceTokenIssuer;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;
import io.agora.media.RtcTokenBuilder2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Agora RTC tokens from Agora's own builder, with the publisher role (both sides talk). Without a certificate the
 * project runs in Agora's testing mode, where the app id alone admits a client, and the token is null.
 */
final class AgoraVoiceTokenIssuer implements VoiceTokenIssuer {

    private final String appId;
    private final String certificate;
    private final Duration tokenTimeToLive;
    private final Clock clock;
    private final RtcTokenBuilder2 builder = new RtcTokenBuilder2();

    /** @param certificate null for Agora's testing mode */
    AgoraVoiceTokenIssuer(String appId, String certificate, Duration tokenTimeToLive, Clock clock) {
        this.appId = appId;
        this.certificate = certificate;
        this.tokenTimeToLive = tokenTimeToLive;
        this.clock = clock;
    }

    @Override
    public RtcAccess issue(CallSession call, UserId participant) {
        String channelName = call.channelName();
        long uid = call.uidOf(participant);
        if (certificate == null) {
            return new RtcAccess.Agora(appId, channelName, uid, null, null);
        }
        Instant now = clock.instant();
        int seconds = Math.toIntExact(tokenTimeToLive.toSeconds());
        // the builder takes the unsigned 32-bit uid in an int and reads it back unsigned
        String token = builder.buildTokenWithUid(appId, certificate, channelName, (int) uid,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, seconds, seconds);
        if (token == null || token.isEmpty()) {
            // the builder's only way of saying that it refused its input
            throw new IllegalStateException("Agora's token builder refused to build a token; check AGORA_APP_ID and AGORA_APP_CERTIFICATE");
        }
        return new RtcAccess.Agora(appId, channelName, uid, token, now.plusSeconds(seconds));
    }

    @Override
    public String toString() {
        return "AgoraVoiceTokenIssuer[" + (certificate == null ? "testing mode" : "tokens") + "]";
    }
}
