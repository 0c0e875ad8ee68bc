package com.usdtagent.agora;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.domain.chat.RoomId;
import io.agora.media.AccessToken2;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgoraVoiceTokenIssuerTest {

    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String CHANNEL = "0123456789abcdef0123456789abcdef";
    private static final Duration TTL = Duration.ofHours(1);

    private static final UserId CALLER = new UserId(UUID.randomUUID());

    private final Clock clock = Clock.systemUTC();

    /** A ringing call on {@link #CHANNEL} in which the caller has {@code uid}. */
    private static CallSession callOf(long uid) {
        return new CallSession(CallId.newId(), new RoomId(UUID.randomUUID()), CALLER, new UserId(UUID.randomUUID()),
                CallStatus.RINGING, CHANNEL, uid, uid == 1 ? 2 : 1, Instant.now(), null, null);
    }

    @Test
    void issuesATokenThatAgorasParserReadsBack() {
        var issuer = Agora.tokenIssuer(APP_ID, Optional.of(CERTIFICATE), TTL, clock);
        // above 2^31: the uid must survive the builder's int parameter as an unsigned number
        long uid = 3_000_000_001L;

        var rtc = (RtcAccess.Agora) issuer.issue(callOf(uid), CALLER);

        var parsed = new AccessToken2();
        assertThat(parsed.parse(rtc.token())).isTrue();
        assertThat(parsed.appId).isEqualTo(APP_ID);
        var service = (AccessToken2.ServiceRtc) parsed.services.get(AccessToken2.SERVICE_TYPE_RTC);
        assertThat(service.getChannelName()).isEqualTo(CHANNEL);
        assertThat(service.getUid()).isEqualTo("3000000001");
        Instant expiry = Instant.ofEpochSecond((long) parsed.issueTs + parsed.expire);
        assertThat(expiry).isCloseTo(rtc.expiresAt(), within(Duration.ofSeconds(2)));
        assertThat(rtc.expiresAt()).isCloseTo(Instant.now().plus(TTL), within(Duration.ofSeconds(5)));
        // joining and publishing audio last as long as the token
        assertThat(service.getPrivileges().get((short) AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue))
                .isEqualTo((int) TTL.toSeconds());
        assertThat(service.getPrivileges().get((short) AccessToken2.PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM.intValue))
                .isEqualTo((int) TTL.toSeconds());
        assertThat(rtc).extracting(RtcAccess::provider, RtcAccess.Agora::appId, RtcAccess.Agora::channelName,
                RtcAccess.Agora::uid).containsExactly("agora", APP_ID, CHANNEL, uid);
    }

    @Test
    void givesNoTokenInTestingMode() {
        var issuer = Agora.tokenIssuer(APP_ID, Optional.empty(), TTL, clock);

        var rtc = (RtcAccess.Agora) issuer.issue(callOf(7), CALLER);

        assertThat(rtc.token()).isNull();
        assertThat(rtc.appId()).isEqualTo(APP_ID);
        assertThat(Agora.modeOf(Optional.empty())).isEqualTo(Agora.Mode.TESTING);
    }

    @Test
    void treatsAnEmptyTokenFromTheBuilderAsAnError() {
        var issuer = Agora.tokenIssuer("not-an-app-id", Optional.of(CERTIFICATE), TTL, clock);

        assertThatThrownBy(() -> issuer.issue(callOf(7), CALLER)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(CERTIFICATE);
    }

    /**
     * The vectors of AgoraIO/Tools (DynamicKey/AgoraDynamicKey/java, AccessToken2Test): with a fixed salt and issue
     * time the library must build exactly these, or an upgrade changed the token format under us.
     */
    @Test
    void reproducesAgorasPublishedVectors() throws Exception {
        assertThat(vector("2882341273")).isEqualTo(
                "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj");
        assertThat(vector("")).isEqualTo(
                "007eJxTYLhzZP08Lxa1Pg57+TcXb/3cZ3wi4V6kbpbOog0G2dOYk20UGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiQwMADacImo=");
    }

    private static String vector(String uid) throws Exception {
        var token = new AccessToken2(APP_ID, CERTIFICATE, 600);
        token.issueTs = 1111111;
        token.salt = 1;
        var rtc = new AccessToken2.ServiceRtc("7d72365eb983485397e3e3f9d460bdda", uid);
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        token.addService(rtc);
        return token.build();
    }
}
