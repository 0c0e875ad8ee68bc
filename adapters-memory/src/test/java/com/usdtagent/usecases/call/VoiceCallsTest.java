package com.usdtagent.usecases.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.call.CallSignal;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.call.JoinedCall;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.memory.InMemoryAdapters;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.usdtagent.usecases.InMemoryNode.DISCONNECT_GRACE;
import static com.usdtagent.usecases.InMemoryNode.RING_TIMEOUT;
import static com.usdtagent.usecases.Signals.refusal;
import static com.usdtagent.usecases.Signals.sentTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice calls on the in-memory adapters: every transition and who may take it, busy lines, the ring timeout and the
 * grace a participant without a socket gets, the WebRTC signals between the two devices of a call, and the message
 * each finished call leaves in the room.
 */
class VoiceCallsTest {

    private final InMemoryNode node = new InMemoryNode();
    private final AuthenticatedUser ann = node.account("ann", Role.USER);
    private final AuthenticatedUser bob = node.account("bob", Role.AGENT);
    private final RoomId room = node.room(ann, bob);
    private final SocketId annsPhone = node.connect(ann);
    private final SocketId bobsPhone = node.connect(bob);
    private final SocketId bobsLaptop = node.connect(bob);

    @AfterEach
    void stop() {
        node.close();
    }

    private JoinedCall annCallsBob() {
        return node.calls.startCall().start(ann, room);
    }

    private CallSession stored(CallId call) {
        return node.memory.callSessions().findById(call).orElseThrow();
    }

    private List<CallView> sent(AuthenticatedUser to, String signal) {
        return sentTo(node.memory, to.id(), signal, CallView.class);
    }

    /** The message the finished call left in the room: the caller's, read by the caller. */
    private Message callMessage() {
        return node.memory.messages().before(room, Long.MAX_VALUE, 1).getFirst();
    }

    @Test
    void aCallRingsOnEveryDeviceOfTheCalleeAndWakesTheirPhone() {
        // given
        node.phone(bob);

        // when
        JoinedCall call = annCallsBob();

        // then
        CallSession ringing = call.call().session();
        assertThat(ringing.status()).isEqualTo(CallStatus.RINGING);
        assertThat(stored(ringing.id())).isEqualTo(ringing);
        assertThat(sent(bob, "incoming")).extracting(view -> view.session().id()).containsExactly(ringing.id());
        assertThat(node.pushesTo(bob)).singleElement().satisfies(push -> {
            assertThat(push.data()).containsEntry("type", "incoming_call").containsEntry("callerName", "ann");
            assertThat(push.expiresAt()).isEqualTo(node.memory.clock().instant().plus(RING_TIMEOUT));
        });
        assertThat(node.memory.admitsToVoice(((RtcAccess.Agora) call.rtc()).token(), ringing.channelName(), ringing.callerUid())).isTrue();
        assertThat(node.memory.callCounts()).isEqualTo(new InMemoryAdapters.CallCounts(1, 0, 0, 0));
    }

    @Test
    void anAnsweredCallIsTalkedAndEndedWithItsLengthInTheRoom() {
        // given
        CallId id = annCallsBob().call().session().id();

        // when bob answers on his phone
        JoinedCall answered = node.calls.acceptCall().accept(bob, bobsPhone, id);

        // then
        assertThat(answered.call().session().status()).isEqualTo(CallStatus.ACCEPTED);
        assertThat(node.memory.admitsToVoice(((RtcAccess.Agora) answered.rtc()).token(), answered.call().session().channelName(),
                answered.call().session().calleeUid())).isTrue();
        assertThat(sent(ann, "accepted")).hasSize(1);
        assertThat(node.memory.sentTo(bob.id())).filteredOn(sent -> sent.signal().equals("answeredElsewhere"))
                .singleElement().satisfies(sent -> assertThat(sent.except()).isEqualTo(bobsPhone));

        // when, a minute later, ann hangs up
        node.memory.advanceClock(Duration.ofSeconds(60));
        CallView ended = node.calls.endCall().end(ann, annsPhone, id);

        // then
        assertThat(ended.session().status()).isEqualTo(CallStatus.ENDED);
        assertThat(ended.session().durationSeconds()).isEqualTo(60);
        assertThat(sent(bob, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.ENDED);
        assertThat(sent(ann, "finishedElsewhere")).hasSize(1);
        assertThat(callMessage().type()).isEqualTo(MessageType.CALL);
        assertThat(callMessage().senderId()).isEqualTo(ann.id());
        assertThat(callMessage().text()).isEqualTo("Voice call, 60 s");
        assertThat(callMessage().meta()).containsEntry("outcome", "ended").containsEntry("durationSeconds", 60);
        assertThat(node.memory.callCounts()).isEqualTo(new InMemoryAdapters.CallCounts(1, 1, 0, 60));
    }

    @Test
    void signalsGoFromTheCallerToTheDeviceThatAnsweredAndBack() {
        // given
        CallId id = annCallsBob().call().session().id();
        var offer = new CallSignal.Description("offer", "v=0 ...");
        var answer = new CallSignal.Description("answer", "v=0 ...");
        assertThat(refusal(() -> node.calls.relayCallSignal().relay(ann, annsPhone, id, offer)))
                .isEqualTo(ErrorCode.INVALID_STATE);

        // when bob answers on his laptop, and they exchange their descriptions
        node.calls.acceptCall().accept(bob, bobsLaptop, id);
        node.memory.clearSent();
        node.calls.relayCallSignal().relay(ann, annsPhone, id, offer);
        node.calls.relayCallSignal().relay(bob, bobsLaptop, id, answer);

        // then the offer reached that laptop alone, and the answer every device of ann's
        assertThat(node.memory.sent()).containsExactly(
                new InMemoryAdapters.Sent("signal", null, bobsLaptop, null, new CallSignal(id, ann.id(), offer)),
                new InMemoryAdapters.Sent("signal", ann.id(), null, null, new CallSignal(id, bob.id(), answer)));
        assertThat(refusal(() -> node.calls.relayCallSignal().relay(bob, bobsPhone, id, answer)))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.calls.relayCallSignal().relay(node.account("eve", Role.USER), annsPhone, id, offer)))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void theCalleeDeclinesOrTheCallerCancelsARingingCall() {
        // when
        CallView declined = node.calls.rejectCall().reject(bob, bobsLaptop, annCallsBob().call().session().id());

        // then
        assertThat(declined.session().status()).isEqualTo(CallStatus.REJECTED);
        assertThat(callMessage().text()).isEqualTo("Declined voice call");
        assertThat(sent(ann, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.REJECTED);

        // when
        CallView cancelled = node.calls.cancelCall().cancel(ann, annsPhone, annCallsBob().call().session().id());

        // then
        assertThat(cancelled.session().status()).isEqualTo(CallStatus.CANCELLED);
        assertThat(callMessage().text()).isEqualTo("Cancelled voice call");
        assertThat(sent(bob, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.CANCELLED);
        // the callee has two unread call messages; the caller none
        assertThat(node.memory.roomList().summaryFor(room, bob.id()).orElseThrow().unreadCount()).isEqualTo(2);
        assertThat(node.memory.roomList().summaryFor(room, ann.id()).orElseThrow().unreadCount()).isZero();
    }

    @Test
    void eachStepBelongsToOneParticipantAndOneStatus() {
        // given
        CallId id = annCallsBob().call().session().id();
        AuthenticatedUser stranger = node.account("eve", Role.USER);

        // when / then: the wrong participant
        assertThat(refusal(() -> node.calls.acceptCall().accept(ann, annsPhone, id))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.calls.rejectCall().reject(ann, annsPhone, id))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.calls.cancelCall().cancel(bob, bobsPhone, id))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(() -> node.calls.acceptCall().accept(stranger, new SocketId(UUID.randomUUID()), id)))
                .isEqualTo(ErrorCode.NOT_FOUND);
        // the wrong status
        assertThat(refusal(() -> node.calls.endCall().end(ann, annsPhone, id))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.calls.renewCallToken().renew(ann, id))).isEqualTo(ErrorCode.INVALID_STATE);
        node.calls.acceptCall().accept(bob, bobsPhone, id);
        assertThat(refusal(() -> node.calls.acceptCall().accept(bob, bobsLaptop, id))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(refusal(() -> node.calls.cancelCall().cancel(ann, annsPhone, id))).isEqualTo(ErrorCode.INVALID_STATE);
        node.calls.endCall().end(bob, bobsPhone, id);
        assertThat(refusal(() -> node.calls.endCall().end(ann, annsPhone, id))).isEqualTo(ErrorCode.INVALID_STATE);

        assertThat(stored(id).status()).isEqualTo(CallStatus.ENDED);
        assertThat(node.memory.messages().after(room, 0, 10)).hasSize(1);
    }

    @Test
    void aParticipantOfARingingOrTalkingCallIsBusy() {
        // given bob talks to ann
        CallId first = annCallsBob().call().session().id();
        node.calls.acceptCall().accept(bob, bobsPhone, first);
        AuthenticatedUser cid = node.account("cid", Role.USER);
        RoomId cidWithBob = node.room(cid, bob);

        // when / then
        assertThat(refusal(() -> node.calls.startCall().start(cid, cidWithBob))).isEqualTo(ErrorCode.BUSY);
        assertThat(refusal(() -> node.calls.startCall().start(bob, room))).isEqualTo(ErrorCode.BUSY);

        // when the call is over, the line is free
        node.calls.endCall().end(ann, annsPhone, first);
        assertThat(node.calls.startCall().start(cid, cidWithBob).call().session().status()).isEqualTo(CallStatus.RINGING);
    }

    @Test
    void aCallNobodyAnswersIsMissedWhenTheRingTimeoutHasPassed() {
        // given
        CallId id = annCallsBob().call().session().id();

        // when the timeout is just reached
        node.memory.advanceClock(RING_TIMEOUT);
        node.calls.expireCalls().expire();

        // then
        assertThat(stored(id).status()).isEqualTo(CallStatus.RINGING);

        // when it has passed
        node.memory.advanceClock(Duration.ofSeconds(1));
        node.calls.expireCalls().expire();
        node.calls.expireCalls().expire();

        // then
        assertThat(stored(id).status()).isEqualTo(CallStatus.MISSED);
        assertThat(sent(ann, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.MISSED);
        assertThat(sent(bob, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.MISSED);
        assertThat(callMessage().text()).isEqualTo("Missed voice call");
        assertThat(node.memory.callCounts().missed()).isEqualTo(1);
    }

    @Test
    void aCallEndsWhenAParticipantHasBeenWithoutASocketForTheGrace() {
        // given a call under way, and bob loses both his connections
        CallId id = annCallsBob().call().session().id();
        node.calls.acceptCall().accept(bob, bobsPhone, id);
        node.memory.advanceClock(Duration.ofSeconds(30));
        node.goOffline.goOffline(bob, bobsPhone);
        node.goOffline.goOffline(bob, bobsLaptop);

        // when the grace has not passed
        node.memory.advanceClock(DISCONNECT_GRACE);
        node.calls.expireCalls().expire();

        // then
        assertThat(stored(id).status()).isEqualTo(CallStatus.ACCEPTED);

        // when it has
        node.memory.advanceClock(Duration.ofSeconds(1));
        node.calls.expireCalls().expire();

        // then the call ended, counted up to now
        CallSession ended = stored(id);
        assertThat(ended.status()).isEqualTo(CallStatus.ENDED);
        assertThat(ended.durationSeconds()).isEqualTo(51);
        assertThat(sent(ann, "finished")).extracting(view -> view.session().status()).containsExactly(CallStatus.ENDED);
        assertThat(callMessage().text()).isEqualTo("Voice call, 51 s");
    }

    @Test
    void aRingingCallWaitsForAnAbsentCalleeButFailsWithoutItsCaller() {
        // given bob is away while ann calls him
        node.goOffline.goOffline(bob, bobsPhone);
        node.goOffline.goOffline(bob, bobsLaptop);
        CallId waiting = annCallsBob().call().session().id();

        // when the grace passes: the push may yet wake him
        node.memory.advanceClock(DISCONNECT_GRACE.plusSeconds(1));
        node.calls.expireCalls().expire();

        // then
        assertThat(stored(waiting).status()).isEqualTo(CallStatus.RINGING);

        // when ann loses her connection and the grace passes
        node.goOffline.goOffline(ann, annsPhone);
        node.memory.advanceClock(DISCONNECT_GRACE.plusSeconds(1));
        node.calls.expireCalls().expire();

        // then
        assertThat(stored(waiting).status()).isEqualTo(CallStatus.FAILED);
        assertThat(callMessage().text()).isEqualTo("Voice call failed");
    }

    @Test
    void theCallHistoryListsAParticipantsCallsNewestFirst() {
        // given
        CallId first = annCallsBob().call().session().id();
        node.calls.cancelCall().cancel(ann, annsPhone, first);
        node.memory.advanceClock(Duration.ofSeconds(5));
        CallId second = annCallsBob().call().session().id();

        // when
        var page = node.calls.listCalls().list(bob, new ListCalls.Query(Optional.of(room), Optional.empty(), 1));

        // then
        assertThat(page.calls()).extracting(view -> view.session().id()).containsExactly(second);
        assertThat(page.hasMore()).isTrue();
        assertThat(node.calls.listCalls().list(bob, new ListCalls.Query(Optional.empty(), Optional.of(second), 10))
                .calls()).extracting(view -> view.session().id()).containsExactly(first);
    }
}
