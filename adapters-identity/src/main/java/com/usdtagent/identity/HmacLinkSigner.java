package com.usdtagent.identity;

import com.usdtagent.application.attachment.LinkSigner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 signatures, base64url without padding. The key is derived from the token secret with a label of its
 * own (HMAC-SHA256 of the label under the secret), so that a link signature can never pass for a token's, and every
 * node that shares {@code AUTH_JWT_SECRET} verifies every other node's links.
 */
final class HmacLinkSigner implements LinkSigner {

    static final String KEY_LABEL = "usdt-agent attachment links v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacLinkSigner(byte[] tokenSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(tokenSecret, ALGORITHM), KEY_LABEL), ALGORITHM);
    }

    @Override
    public String sign(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, message));
    }

    /** Compares the text: base64 decoders accept other last characters for the same bytes, which would be a second valid link. */
    @Override
    public boolean verify(String message, String signature) {
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
