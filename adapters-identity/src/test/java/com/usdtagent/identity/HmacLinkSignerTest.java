package com.usdtagent.identity;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HmacLinkSignerTest {

    private static final byte[] SECRET = "a token secret of at least 32 bytes....".getBytes(StandardCharsets.UTF_8);
    private final HmacLinkSigner signer = new HmacLinkSigner(SECRET);

    @Test
    void aSignatureVerifiesOnlyForItsMessageAndOnlyUnderTheSameSecret() {
        String signature = signer.sign("id:original:1700000000");

        assertThat(signature).matches("[A-Za-z0-9_-]{43}");
        assertThat(signer.verify("id:original:1700000000", signature)).isTrue();
        assertThat(new HmacLinkSigner(SECRET).verify("id:original:1700000000", signature)).as("another node").isTrue();
        assertThat(signer.verify("id:original:1700000060", signature)).isFalse();
        assertThat(signer.verify("id:thumbnail:1700000000", signature)).isFalse();
        assertThat(new HmacLinkSigner("another secret of at least 32 bytes.....".getBytes(StandardCharsets.UTF_8))
                .verify("id:original:1700000000", signature)).isFalse();
    }

    @Test
    void aTamperedOrMalformedSignatureIsRefused() {
        String signature = signer.sign("message");
        char last = signature.charAt(signature.length() - 1);
        String tampered = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(signer.verify("message", tampered)).isFalse();
        assertThat(signer.verify("message", "")).isFalse();
        assertThat(signer.verify("message", "not base64 !")).isFalse();
        assertThat(signer.verify("message", signature.substring(0, 20))).isFalse();
    }

    @Test
    void theKeyIsDerivedWithALabelSoTheSecretItselfSignsNothingThatVerifies() throws Exception {
        Mac underTheSecret = Mac.getInstance("HmacSHA256");
        underTheSecret.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String withSecret = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(underTheSecret.doFinal("message".getBytes(StandardCharsets.UTF_8)));

        assertThat(signer.verify("message", withSecret)).isFalse();
    }
}
