package com.usdtagent.application.call;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one participant needs to carry a call's audio, told by the provider that carries it. */
public sealed interface RtcAccess {

    String provider();

    /**
     * Agora: join {@code channelName} as {@code uid} with {@code token}.
     *
     * @param token     null in Agora's testing mode, where the app id alone admits anybody
     * @param expiresAt null with a null token
     */
    record Agora(String appId, String channelName, long uid, String token, Instant expiresAt) implements RtcAccess {
        @Override
        public String provider() {
            return "agora";
        }
    }

    /**
     * WebRTC between the two participants' devices, through these STUN and TURN servers.
     *
     * @param relayOnly true: ICE may use relay candidates only, so that neither side learns the other's address
     * @param expiresAt when the TURN credentials stop being accepted; {@code call-token-renew} gives fresh ones
     */
    record WebRtc(List<IceServer> iceServers, boolean relayOnly, Instant expiresAt) implements RtcAccess {
        public WebRtc {
            iceServers = List.copyOf(iceServers);
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String provider() {
            return "webrtc";
        }
    }

    /**
     * One entry of an RTCPeerConnection's {@code iceServers}.
     *
     * @param username   null for a STUN server
     * @param credential null for a STUN server
     */
    record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = List.copyOf(urls);
            if ((username == null) != (credential == null)) {
                throw new IllegalArgumentException("a username and a credential go together");
            }
        }

        @Override
        public String toString() {
            return "IceServer[" + urls + (username == null ? "" : ", with credentials") + "]";
        }
    }
}
