package com.usdtagent.memory;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.call.VoiceTokenIssuer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Voice tokens that this process can check: the channel, the uid and the expiry, signed with HMAC-SHA256 under a
 * key of its own. They admit to no real audio service; they let a test or an embedding program see that each
 * participant got a token for their own uid in the call's channel, valid for the time to live.
 */
final class MemoryVoiceTokens {

    /** The app id the tokens carry: no Agora project. */
    static final String APP_ID = "memory";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    MemoryVoiceTokens(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
    }

    /** Issues tokens valid for {@code timeToLive}, in Agora's shape: the call's channel, the participant's uid. */
    VoiceTokenIssuer issuer(Duration timeToLive) {
        return (call, participant) -> issue(call.channelName(), call.uidOf(participant), timeToLive);
    }

    private RtcAccess issue(String channelName, long uid, Duration timeToLive) {
        Instant expiresAt = clock.instant().plus(timeToLive);
        String claims = channelName + "/" + uid + "/" + expiresAt.toEpochMilli();
        String token = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(claims));
        return new RtcAccess.Agora(APP_ID, channelName, uid, token, expiresAt);
    }

    /** Whether the token was issued here for this channel and uid, and has not expired. */
    boolean admits(String token, String channelName, long uid) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            return false;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            String[] fields = claims.split("/");
            return MessageDigest.isEqual(sign(claims), Base64.getUrlDecoder().decode(parts[1]))
                    && fields.length == 3
                    && fields[0].equals(channelName)
                    && fields[1].equals(Long.toString(uid))
                    && clock.millis() < Long.parseLong(fields[2]);
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }

    private byte[] sign(String claims) {
        try {
            // a Mac is not thread-safe, and cheap to make
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
