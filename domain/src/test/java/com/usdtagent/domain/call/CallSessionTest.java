package com.usdtagent.domain.call;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallSessionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final UserId caller = UserId.newId();
    private final UserId callee = UserId.newId();
    private final UserId stranger = UserId.newId();
    private final CallSession ringing = CallSession.ring(RoomId.newId(), caller, callee, T0, new SecureRandom());

    @Test
    void ringsWithARandomChannelAndTwoRandomUids() {
        var other = CallSession.ring(ringing.roomId(), caller, callee, T0, new SecureRandom());

        assertThat(ringing.status()).isEqualTo(CallStatus.RINGING);
        assertThat(ringing.channelName()).matches("[0-9a-f]{32}").isNotEqualTo(other.channelName());
        assertThat(ringing.callerUid()).isBetween(1L, 0xFFFF_FFFFL).isNotEqualTo(ringing.calleeUid());
        assertThat(ringing.channelName()).doesNotContain(caller.toString(), callee.toString());
    }

    @Test
    void isAcceptedThenEndedWithItsDuration() {
        var accepted = ringing.accept(callee, T0.plusSeconds(5));
        var ended = accepted.end(caller, T0.plusSeconds(70));

        assertThat(accepted.status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(accepted.durationSeconds()).isZero();
        assertThat(ended.status()).isEqualTo(CallStatus.ENDED);
        assertThat(ended.answeredAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(ended.durationSeconds()).isEqualTo(65);
    }

    @Test
    void endsRingingWithoutAnAnswer() {
        assertThat(ringing.reject(callee, T0.plusSeconds(1)).status()).isEqualTo(CallStatus.REJECTED);
        assertThat(ringing.cancel(caller, T0.plusSeconds(1)).status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(ringing.miss(T0.plusSeconds(45)).status()).isEqualTo(CallStatus.MISSED);
        assertThat(ringing.drop(T0.plusSeconds(20)).status()).isEqualTo(CallStatus.FAILED);
        assertThat(ringing.accept(callee, T0).drop(T0.plusSeconds(20)).status()).isEqualTo(CallStatus.ENDED);
    }

    @Test
    void onlyTheCalleeAnswersAndOnlyTheCallerCancels() {
        assertRefused(() -> ringing.accept(caller, T0), ErrorCode.FORBIDDEN);
        assertRefused(() -> ringing.reject(caller, T0), ErrorCode.FORBIDDEN);
        assertRefused(() -> ringing.cancel(callee, T0), ErrorCode.FORBIDDEN);
        assertRefused(() -> ringing.end(stranger, T0), ErrorCode.FORBIDDEN);
    }

    @Test
    void refusesEveryStepThatTheStatusDoesNotAllow() {
        assertRefused(() -> ringing.end(caller, T0), ErrorCode.INVALID_STATE);
        var accepted = ringing.accept(callee, T0);
        assertRefused(() -> accepted.accept(callee, T0), ErrorCode.INVALID_STATE);
        assertRefused(() -> accepted.cancel(caller, T0), ErrorCode.INVALID_STATE);
        assertRefused(() -> accepted.miss(T0), ErrorCode.INVALID_STATE);
        var ended = accepted.end(callee, T0);
        for (UnaryOperator<CallSession> step : java.util.List.<UnaryOperator<CallSession>>of(
                call -> call.end(caller, T0), call -> call.drop(T0), call -> call.reject(callee, T0))) {
            assertRefused(() -> step.apply(ended), ErrorCode.INVALID_STATE);
        }
        assertThat(ended.status()).isEqualTo(CallStatus.ENDED);
    }

    private static void assertRefused(Runnable step, ErrorCode code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(BusinessException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
