package com.usdtagent.memory;

import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.chat.TypingNotice;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.memory.InMemoryAdapters.Sent;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the in-memory adapters that no PostgreSQL contract covers: clock, voice tokens, recorders. */
class InMemoryAdaptersTest {

    private final InMemoryAdapters adapters = InMemoryAdapters.create();

    @Test
    void theClockStandsStillUntilMovedOn() throws InterruptedException {
        Instant start = adapters.clock().instant();
        Thread.sleep(5);
        assertThat(adapters.clock().instant()).isEqualTo(start);

        adapters.advanceClock(Duration.ofMinutes(5));

        assertThat(adapters.clock().instant()).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThat(adapters.clock().withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> adapters.advanceClock(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onAGivenClockTimeRunsAndCanBeMovedOn() {
        Instant then = Instant.parse("2030-01-01T00:00:00Z");
        var onFixed = InMemoryAdapters.create(Clock.fixed(then, ZoneOffset.UTC));

        onFixed.advanceClock(Duration.ofHours(1));

        assertThat(onFixed.clock().instant()).isEqualTo(then.plus(Duration.ofHours(1)));
        Instant before = Instant.now();
        assertThat(InMemoryAdapters.create(Clock.systemUTC()).clock().instant()).isAfterOrEqualTo(before);
    }

    @Test
    void voiceTokensAdmitTheirUidToTheirChannelUntilTheyExpire() {
        var call = CallSession.ring(RoomId.newId(), UserId.newId(), UserId.newId(), adapters.clock().instant(),
                new SecureRandom());
        String channel = call.channelName();
        long uid = call.callerUid();

        var access = (RtcAccess.Agora) adapters.voiceTokens(Duration.ofMinutes(10)).issue(call, call.caller());

        assertThat(access.channelName()).isEqualTo(channel);
        assertThat(access.uid()).isEqualTo(uid);
        assertThat(access.expiresAt()).isEqualTo(adapters.clock().instant().plus(Duration.ofMinutes(10)));
        assertThat(adapters.admitsToVoice(access.token(), channel, uid)).isTrue();
        assertThat(adapters.admitsToVoice(access.token(), channel, call.calleeUid())).isFalse();
        assertThat(adapters.admitsToVoice(access.token(), "another-channel", uid)).isFalse();
        assertThat(adapters.admitsToVoice(access.token().replace('.', 'x'), channel, uid)).isFalse();
        assertThat(adapters.admitsToVoice(access.token() + "A", channel, uid)).isFalse();
        assertThat(adapters.admitsToVoice(null, channel, uid)).isFalse();
        assertThat(InMemoryAdapters.create().admitsToVoice(access.token(), channel, uid))
                .as("another store's key").isFalse();

        adapters.advanceClock(Duration.ofMinutes(10));
        assertThat(adapters.admitsToVoice(access.token(), channel, uid)).isFalse();
    }

    @Test
    void theRealtimePortsRecordWhatEachUserAndSocketWasSentInOrder() {
        UserId ann = UserId.newId();
        UserId bob = UserId.newId();
        SocketId annsPhone = new SocketId(UUID.randomUUID());
        RoomId room = RoomId.newId();
        var page = new RoomPage(List.of(), 1, 20, 0, false);
        CallId call = CallId.newId();

        adapters.realtimePublisher().roomList(annsPhone, page);
        adapters.realtimePublisher().typing(bob, new TypingNotice(room, ann, true));
        adapters.realtimePublisher().presence(ann, new PresenceChange(bob, true, null));
        adapters.callSignals().answeredElsewhere(ann, annsPhone, call);

        assertThat(adapters.sent()).containsExactly(
                new Sent("roomList", null, annsPhone, null, page),
                new Sent("typing", bob, null, null, new TypingNotice(room, ann, true)),
                new Sent("presence", ann, null, null, new PresenceChange(bob, true, null)),
                new Sent("answeredElsewhere", ann, null, annsPhone, call));
        assertThat(adapters.sentTo(bob)).extracting(Sent::signal).containsExactly("typing");
        adapters.clearSent();
        assertThat(adapters.sent()).isEmpty();
    }

    @Test
    void theCallMetricsCountStartsAnswersMissesAndSecondsTalked() {
        var call = CallSession.ring(RoomId.newId(), UserId.newId(), UserId.newId(), Instant.EPOCH, new SecureRandom());
        var talked = call.accept(call.callee(), Instant.EPOCH.plusSeconds(2)).end(call.caller(), Instant.EPOCH.plusSeconds(62));

        adapters.callMetrics().started();
        adapters.callMetrics().started();
        adapters.callMetrics().answered();
        adapters.callMetrics().finished(talked);
        adapters.callMetrics().finished(call.miss(Instant.EPOCH.plusSeconds(45)));

        assertThat(adapters.callCounts()).isEqualTo(new InMemoryAdapters.CallCounts(2, 1, 1, 60));
    }
}
