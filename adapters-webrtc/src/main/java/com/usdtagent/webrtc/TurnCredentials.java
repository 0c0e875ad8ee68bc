package com.usdtagent.webrtc;

import com.usdtagent.application.call.RtcAccess;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * TURN credentials as coturn's {@code use-auth-secret} mode checks them (the "TURN REST API"): the username is
 * {@code <unix expiry>:<id>}, the password base64(HMAC-SHA1(secret, username)). coturn recomputes the password
 * from the username and refuses it after the expiry, so nothing is shared with it but the secret.
 */
final class TurnCredentials {

    private static final String HMAC = "HmacSHA1";

    private final SecretKeySpec key;

    TurnCredentials(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** @param id random, so that the username names nobody */
    RtcAccess.IceServer issue(List<String> turnUrls, Instant expiresAt, String id) {
        String username = expiresAt.getEpochSecond() + ":" + id;
        return new RtcAccess.IceServer(turnUrls, username, password(username));
    }

    String password(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            // every Java platform must provide HmacSHA1
            throw new IllegalStateException(missing);
        }
    }

    @Override
    public String toString() {
        return "TurnCredentials[secret hidden]";
    }
}
