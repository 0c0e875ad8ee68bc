package com.usdtagent.webrtc;

import com.usdtagent.application.call.VoiceTokenIssuer;

import java.security.SecureRandom;
import java.time.Clock;

/** The WebRTC side of voice calls: the ICE servers, and the TURN credentials, each participant gets. */
public final class WebRtc {

    private WebRtc() {
    }

    public static VoiceTokenIssuer iceServers(IceSettings settings, Clock clock) {
        return new IceServersIssuer(settings, clock, new SecureRandom());
    }
}
