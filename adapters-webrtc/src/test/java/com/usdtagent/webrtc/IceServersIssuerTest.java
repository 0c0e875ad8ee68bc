package com.usdtagent.webrtc;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IceServersIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00.750Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "north-wind-secret";
    private static final List<String> STUN = List.of("stun:stun.example.org:3478");
    private static final List<String> TURN = List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349");
    private static final CallSession CALL = CallSession.ring(new RoomId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
            new UserId(UUID.randomUUID()), NOW, new SecureRandom());

    /** Computed apart from this code: printf '1700003600:0123...' | openssl dgst -sha1 -hmac north-wind-secret -binary | base64 */
    @Test
    void signsTheUsernameAsCoturnChecksIt() {
        assertThat(new TurnCredentials(SECRET).password("1700003600:0123456789abcdef0123456789abcdef"))
                .isEqualTo("JDAdFqHTdnPeKXwAnxe66PVXJLY=");
    }

    @Test
    void givesStunAsItIsAndTurnWithACredentialThatExpiresAndNamesNobody() {
        var issuer = WebRtc.iceServers(new IceSettings(STUN, TURN, Optional.of(SECRET), Duration.ofHours(1), true), CLOCK);

        var rtc = (RtcAccess.WebRtc) issuer.issue(CALL, CALL.caller());

        assertThat(rtc.provider()).isEqualTo("webrtc");
        assertThat(rtc.relayOnly()).isTrue();
        assertThat(rtc.expiresAt()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(rtc.iceServers()).hasSize(2);
        var stun = rtc.iceServers().get(0);
        assertThat(stun.urls()).isEqualTo(STUN);
        assertThat(stun.username()).isNull();
        assertThat(stun.credential()).isNull();
        var turn = rtc.iceServers().get(1);
        assertThat(turn.urls()).isEqualTo(TURN);
        assertThat(turn.username()).matches(rtc.expiresAt().getEpochSecond() + ":[0-9a-f]{32}");
        assertThat(turn.credential()).isEqualTo(new TurnCredentials(SECRET).password(turn.username()));
        for (Object identifying : List.of(CALL.caller(), CALL.callee(), CALL.id(), CALL.channelName(), CALL.callerUid())) {
            assertThat(turn.username()).doesNotContain(identifying.toString());
        }
    }

    @Test
    void givesEveryParticipantAndEveryRenewalAFreshUsername() {
        var issuer = WebRtc.iceServers(new IceSettings(List.of(), TURN, Optional.of(SECRET), Duration.ofMinutes(10), false), CLOCK);

        String caller = ((RtcAccess.WebRtc) issuer.issue(CALL, CALL.caller())).iceServers().getFirst().username();
        String callee = ((RtcAccess.WebRtc) issuer.issue(CALL, CALL.callee())).iceServers().getFirst().username();
        String renewed = ((RtcAccess.WebRtc) issuer.issue(CALL, CALL.caller())).iceServers().getFirst().username();

        assertThat(List.of(caller, callee, renewed)).doesNotHaveDuplicates();
    }

    @Test
    void withNothingConfiguredGivesNoServersForHostCandidates() {
        var issuer = WebRtc.iceServers(new IceSettings(List.of(), List.of(), Optional.empty(), Duration.ofHours(1), false), CLOCK);

        var rtc = (RtcAccess.WebRtc) issuer.issue(CALL, CALL.callee());

        assertThat(rtc.iceServers()).isEmpty();
        assertThat(rtc.relayOnly()).isFalse();
    }

    @Test
    void readsAndRefusesUrls() {
        assertThat(IceSettings.stunUrls("stun:a.example:3478, stuns:[2001:db8::1]:5349,stun:10.0.0.1"))
                .containsExactly("stun:a.example:3478", "stuns:[2001:db8::1]:5349", "stun:10.0.0.1");
        assertThat(IceSettings.turnUrls("turn:127.0.0.1:3478?transport=tcp")).containsExactly("turn:127.0.0.1:3478?transport=tcp");
        for (String bad : List.of("", "turn:a.example", "stun:", "stun:a.example:0", "stun:a.example:70000",
                "http://a.example", "stun:a b", "stun:a.example?transport=udp")) {
            assertThatThrownBy(() -> IceSettings.stunUrls(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("stun:a.example", "turn:a.example?transport=sctp", "turn:a.example,", "turn://a.example")) {
            assertThatThrownBy(() -> IceSettings.turnUrls(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesTurnWithoutASecretAndRelayWithoutTurn() {
        assertThatThrownBy(() -> new IceSettings(List.of(), TURN, Optional.empty(), Duration.ofHours(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceSettings(List.of(), List.of(), Optional.of(SECRET), Duration.ofHours(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceSettings(STUN, List.of(), Optional.empty(), Duration.ofHours(1), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IceSettings(List.of(), TURN, Optional.of(SECRET), Duration.ofHours(1), false).toString())
                .doesNotContain(SECRET);
    }
}
