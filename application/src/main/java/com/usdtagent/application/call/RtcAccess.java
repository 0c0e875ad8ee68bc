package com.usdtagent.application.call;

import java.time.Instant;

/**
 * What one participant needs to join a call's audio channel.
 *
 * @param token null in the provider's testing mode, where the app id alone admits anybody
 */
public record RtcAccess(String provider, String appId, String channelName, long uid, String token, Instant expiresAt) {
}
