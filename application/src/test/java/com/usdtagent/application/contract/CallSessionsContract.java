package com.usdtagent.application.contract;

import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CallSessions}: every step stored, and the socket that answered; the busy check, which calls of one pair take turns on; the timer's
 * claims, which skip the calls another claimer holds; the history, newest first in pages.
 */
public abstract class CallSessionsContract extends PortContract {

    private CallSessions calls;
    private Presence presence;

    @BeforeEach
    void ports() {
        calls = adapters.callSessions();
        if (presence == null) {
            presence = adapters.presence(UUID.randomUUID());
        }
    }

    /** The two members of a room of their own. */
    private record Pair(RoomId room, UserId first, UserId second) {
    }

    private Pair pair() {
        UserId first = user();
        UserId second = user();
        return new Pair(room(first, second), first, second);
    }

    private CallSession ringing(Pair pair, Instant at) {
        var call = CallSession.ring(pair.room(), pair.first(), pair.second(), at, new SecureRandom());
        calls.add(call);
        return call;
    }

    @Test
    void storesEveryStepOfACall() {
        var call = ringing(pair(), NOW);
        var ended = call.accept(call.callee(), NOW.plusSeconds(2)).end(call.caller(), NOW.plusSeconds(9));
        calls.update(ended);

        assertThat(calls.findById(call.id())).contains(ended);
        assertThat(calls.findById(CallId.newId())).isEmpty();
    }

    @Test
    void remembersTheSocketThatAnswered() {
        var call = ringing(pair(), NOW);
        var otherCall = ringing(pair(), NOW);
        var socket = new SocketId(UUID.randomUUID());

        assertThat(calls.answeringSocket(call.id())).isEmpty();
        calls.update(call.accept(call.callee(), NOW));
        calls.answeredOn(call.id(), socket);
        calls.update(call.accept(call.callee(), NOW).end(call.caller(), NOW.plusSeconds(5)));

        assertThat(calls.answeringSocket(call.id())).contains(socket);
        assertThat(calls.answeringSocket(otherCall.id())).isEmpty();
        assertThat(calls.answeringSocket(CallId.newId())).isEmpty();
    }

    @Test
    void tellsWhetherEitherUserIsInAnActiveCall() {
        var pair = pair();
        var stranger = user();
        var call = ringing(pair, NOW);

        assertThat(calls.anyInActiveCall(stranger, pair.second())).isTrue();
        assertThat(calls.anyInActiveCall(pair.first(), stranger)).isTrue();
        calls.update(call.cancel(call.caller(), NOW));
        assertThat(calls.anyInActiveCall(pair.first(), pair.second())).isFalse();
    }

    /** A step of starting a call: in turn with the pair's other calls, refused when either is busy. */
    private boolean rang(Pair pair, UserId caller) {
        UserId callee = caller.equals(pair.first()) ? pair.second() : pair.first();
        calls.lockParticipants(caller, callee);
        if (calls.anyInActiveCall(caller, callee)) {
            return false;
        }
        calls.add(CallSession.ring(pair.room(), caller, callee, NOW, new SecureRandom()));
        return true;
    }

    @Test
    void ofCallsStartedAtOnceBetweenOnePairExactlyOneRings() {
        var pair = pair();

        List<Boolean> rang = AtOnce.run(8, i -> () -> adapters.transactions().inTransaction(
                () -> rang(pair, i % 2 == 0 ? pair.first() : pair.second())));

        assertThat(rang).containsOnlyOnce(true);
    }

    @Test
    void aCallWaitsForTheOneStartingBetweenThePairAndFindsThemBusy() {
        var pair = pair();

        assertThat(whileOpen(() -> rang(pair, pair.first()), () -> rang(pair, pair.second()))).containsExactly(true, false);
    }

    @Test
    void claimsEachDueRingingCallOnceWhileItIsLocked() {
        var due = ringing(pair(), NOW.minusSeconds(60));
        var fresh = ringing(pair(), NOW);

        var claims = whileOpen(() -> calls.claimRingingSince(NOW.minusSeconds(45), 100),
                () -> calls.claimRingingSince(NOW.minusSeconds(45), 100));

        assertThat(claims.getFirst()).extracting(CallSession::id).contains(due.id()).doesNotContain(fresh.id());
        assertThat(claims.getLast()).extracting(CallSession::id).doesNotContain(due.id());
        // the claim ends with its transaction: a call still ringing is due again
        assertThat(adapters.transactions().inTransaction(() -> calls.claimRingingSince(NOW.minusSeconds(45), 100)))
                .extracting(CallSession::id).contains(due.id());
    }

    @Test
    void claimsCallsWhoseParticipantHasBeenGoneLongerThanTheGrace() {
        var talking = ringing(pair(), NOW.minusSeconds(100));
        calls.update(talking.accept(talking.callee(), NOW.minusSeconds(90)));
        var ringingForAnAbsentCallee = ringing(pair(), NOW.minusSeconds(100));
        var socket = new SocketId(UUID.randomUUID());
        presence.socketOpened(talking.caller(), socket, NOW.minusSeconds(100));
        presence.socketOpened(ringingForAnAbsentCallee.caller(), new SocketId(UUID.randomUUID()), NOW.minusSeconds(100));
        // the callee of the call under way never connected in this test: gone since the call started

        List<CallId> claimed = adapters.transactions().inTransaction(() -> calls.claimAbandoned(NOW.minusSeconds(20), 100))
                .stream().map(CallSession::id).toList();

        assertThat(claimed).contains(talking.id()).doesNotContain(ringingForAnAbsentCallee.id());
    }

    @Test
    void aParticipantWhoLeftWithinTheGraceIsNotGoneYet() {
        var talking = ringing(pair(), NOW.minusSeconds(100));
        calls.update(talking.accept(talking.callee(), NOW.minusSeconds(90)));
        var callersPhone = new SocketId(UUID.randomUUID());
        var calleesPhone = new SocketId(UUID.randomUUID());
        presence.socketOpened(talking.caller(), callersPhone, NOW.minusSeconds(100));
        presence.socketOpened(talking.callee(), calleesPhone, NOW.minusSeconds(90));
        presence.socketClosed(talking.callee(), calleesPhone, NOW.minusSeconds(10));

        assertThat(adapters.transactions().inTransaction(() -> calls.claimAbandoned(NOW.minusSeconds(20), 100)))
                .extracting(CallSession::id).doesNotContain(talking.id());
        assertThat(adapters.transactions().inTransaction(() -> calls.claimAbandoned(NOW, 100)))
                .extracting(CallSession::id).contains(talking.id());
    }

    @Test
    void listsAParticipantsCallsNewestFirstInPages() {
        var pair = pair();
        var stranger = user();
        var other = new Pair(room(pair.first(), stranger), pair.first(), stranger);
        CallId oldest = finish(ringing(pair, NOW.minusSeconds(30)));
        CallId middle = finish(ringing(other, NOW.minusSeconds(20)));
        CallId newest = finish(ringing(pair, NOW.minusSeconds(10)));
        UserId me = pair.first();

        assertThat(history(me, Optional.empty(), Optional.empty())).containsExactly(newest, middle, oldest);
        assertThat(history(me, Optional.empty(), Optional.of(middle))).containsExactly(oldest);
        assertThat(history(me, Optional.of(pair.room()), Optional.empty())).containsExactly(newest, oldest);
        assertThat(history(pair.second(), Optional.empty(), Optional.empty())).containsExactly(newest, oldest);
        // nothing is older than a call that does not exist
        assertThat(history(me, Optional.empty(), Optional.of(CallId.newId()))).isEmpty();
    }

    private CallId finish(CallSession call) {
        var missed = call.miss(call.startedAt().plusSeconds(45));
        calls.update(missed);
        return missed.id();
    }

    private List<CallId> history(UserId user, Optional<RoomId> room, Optional<CallId> before) {
        return calls.history(user, new ListCalls.Query(room, before, 10), 10).stream()
                .map(CallSession::id).toList();
    }
}
