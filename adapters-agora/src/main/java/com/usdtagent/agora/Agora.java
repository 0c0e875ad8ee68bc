package com.usdtagent.agora;

import com.usdtagent.application.call.VoiceTokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The Agora side of voice calls: which mode the configuration gives, and the token issuer for it. */
public final class Agora {

    public enum Mode {
        /** App id and certificate: every participant gets a signed token. */
        TOKENS("tokens signed with the app certificate"),
        /** App id alone: Agora's testing mode, where the app id admits anybody; tokens are null. */
        TESTING("testing mode: app id only, no tokens; not for production"),
        /** Nothing configured: calls are refused. */
        OFF("off: AGORA_APP_ID is not set, calls are refused");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private Agora() {
    }

    public static Mode modeOf(Optional<String> appId, Optional<String> certificate) {
        if (appId.isEmpty()) {
            return Mode.OFF;
        }
        return certificate.isPresent() ? Mode.TOKENS : Mode.TESTING;
    }

    /** @param tokenTimeToLive how long a token, and the privileges in it, stay valid */
    public static VoiceTokenIssuer tokenIssuer(Optional<String> appId, Optional<String> certificate,
                                               Duration tokenTimeToLive, Clock clock) {
        return switch (modeOf(appId, certificate)) {
            case TOKENS -> new AgoraVoiceTokenIssuer(appId.orElseThrow(), certificate.orElseThrow(), tokenTimeToLive, clock);
            case TESTING -> new AgoraVoiceTokenIssuer(appId.orElseThrow(), null, tokenTimeToLive, clock);
            case OFF -> new VoiceCallsOff();
        };
    }
}
