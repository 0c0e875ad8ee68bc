package com.usdtagent.persistence;

import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.ChatRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static com.usdtagent.persistence.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class JdbiCallSessionsTest {

    private static ChatFixture fixture;
    private static CallSessions calls;
    private static Presence presence;

    @BeforeAll
    static void open() {
        fixture = new ChatFixture();
        calls = fixture.persistence.callSessions();
        presence = fixture.persistence.presence(UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static CallSession ringing(ChatRoom room, Instant at) {
        var call = CallSession.ring(room.id(), room.firstMember(), room.secondMember(), at, new SecureRandom());
        calls.add(call);
        return call;
    }

    private static ChatRoom room() {
        return fixture.room(fixture.user(), fixture.user());
    }

    @Test
    void storesEveryStepOfACall() {
        var call = ringing(room(), NOW);
        var ended = call.accept(call.callee(), NOW.plusSeconds(2)).end(call.caller(), NOW.plusSeconds(9));
        calls.update(ended);

        assertThat(calls.findById(call.id())).contains(ended);
        assertThat(calls.findById(CallId.newId())).isEmpty();
    }

    @Test
    void remembersTheSocketThatAnswered() {
        var call = ringing(room(), NOW);
        var otherCall = ringing(room(), NOW);
        var socket = new SocketId(UUID.randomUUID());

        assertThat(calls.answeringSocket(call.id())).isEmpty();
        calls.update(call.accept(call.callee(), NOW));
        calls.answeredOn(call.id(), socket);

        assertThat(calls.answeringSocket(call.id())).contains(socket);
        assertThat(calls.answeringSocket(otherCall.id())).isEmpty();
        assertThat(calls.answeringSocket(CallId.newId())).isEmpty();
    }

    @Test
    void tellsWhetherEitherUserIsInAnActiveCall() {
        var room = room();
        var stranger = fixture.user();
        var call = ringing(room, NOW);

        assertThat(calls.anyInActiveCall(stranger, room.secondMember())).isTrue();
        assertThat(calls.anyInActiveCall(room.firstMember(), stranger)).isTrue();
        calls.update(call.cancel(call.caller(), NOW));
        assertThat(calls.anyInActiveCall(room.firstMember(), room.secondMember())).isFalse();
    }

    @Test
    void claimsEachDueRingingCallOnceWhileItIsLocked() throws Exception {
        var due = ringing(room(), NOW.minusSeconds(60));
        var fresh = ringing(room(), NOW);
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> fixture.transactions.inTransaction(() -> {
            var mine = calls.claimRingingSince(NOW.minusSeconds(45), 100);
            claimed.countDown();
            await(release);
            return mine;
        }));
        claimed.await();
        var second = fixture.transactions.inTransaction(() -> calls.claimRingingSince(NOW.minusSeconds(45), 100));
        release.countDown();

        assertThat(first.get()).extracting(CallSession::id).contains(due.id()).doesNotContain(fresh.id());
        assertThat(second).extracting(CallSession::id).doesNotContain(due.id());
    }

    @Test
    void claimsCallsWhoseParticipantHasBeenGoneLongerThanTheGrace() {
        var talking = ringing(room(), NOW.minusSeconds(100));
        calls.update(talking.accept(talking.callee(), NOW.minusSeconds(90)));
        var ringingForAnAbsentCallee = ringing(room(), NOW.minusSeconds(100));
        var socket = new SocketId(UUID.randomUUID());
        presence.socketOpened(talking.caller(), socket, NOW.minusSeconds(100));
        presence.socketOpened(ringingForAnAbsentCallee.caller(), new SocketId(UUID.randomUUID()), NOW.minusSeconds(100));
        // the callee of the call under way never connected in this test: gone since the call started

        List<CallId> claimed = fixture.transactions.inTransaction(() -> calls.claimAbandoned(NOW.minusSeconds(20), 100))
                .stream().map(CallSession::id).toList();

        assertThat(claimed).contains(talking.id()).doesNotContain(ringingForAnAbsentCallee.id());
    }

    @Test
    void listsAParticipantsCallsNewestFirstInPages() {
        var room = room();
        var other = fixture.room(room.firstMember(), fixture.user());
        CallId oldest = finish(ringing(room, NOW.minusSeconds(30)));
        CallId middle = finish(ringing(other, NOW.minusSeconds(20)));
        CallId newest = finish(ringing(room, NOW.minusSeconds(10)));
        UserId me = room.firstMember();

        assertThat(history(me, Optional.empty(), Optional.empty())).containsExactly(newest, middle, oldest);
        assertThat(history(me, Optional.empty(), Optional.of(middle))).containsExactly(oldest);
        assertThat(history(me, Optional.of(room), Optional.empty())).containsExactly(newest, oldest);
        assertThat(history(room.secondMember(), Optional.empty(), Optional.empty())).containsExactly(newest, oldest);
    }

    private static CallId finish(CallSession call) {
        var missed = call.miss(call.startedAt().plusSeconds(45));
        calls.update(missed);
        return missed.id();
    }

    private static List<CallId> history(UserId user, Optional<ChatRoom> room, Optional<CallId> before) {
        return calls.history(user, new ListCalls.Query(room.map(ChatRoom::id), before, 10), 10).stream()
                .map(CallSession::id).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
