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
        TESTING("testing mode: app id only, no tokens; not for production");

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

    public static Mode modeOf(Optional<String> certificate) {
        return certificate.isPresent() ? Mode.TOKENS : Mode.TESTING;
    }

    /**
     * @param certificate     empty: Agora's testing mode, without tokens
     * @param tokenTimeToLive how long a token, and the privileges in it, stay valid
     */
    public static VoiceTokenIssuer tokenIssuer(String appId, Optional<String> certificate, Duration tokenTimeToLive,
                                               Clock clock) {
        return new AgoraVoiceTokenIssuer(appId, certificate.orElse(null), tokenTimeToLive, clock);
    }
}
