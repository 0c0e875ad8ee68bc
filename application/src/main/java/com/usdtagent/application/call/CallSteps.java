package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomUpdates;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/** What the call use cases share: loading a call for a participant, and finishing a call with its room message. */
final class CallSteps {

    private static final System.Logger log = System.getLogger(CallSteps.class.getName());

    /**
     * A call that just finished and the message it left in its room, with the room as locked for it and both
     * participants' pointers as stored after it.
     */
    record Finished(CallView call, MessageView message, LockedRoom room, Map<UserId, ReadPointers> pointers) {
    }

    final CallSessions sessions;
    final Transactions transactions;
    final Clock clock;
    final CallSignals signals;
    final CallMetrics metrics;
    private final UserAccounts accounts;
    private final ChatRooms rooms;
    private final RealtimePublisher publisher;
    private final RoomUpdates updates;

    CallSteps(CallSessions sessions, UserAccounts accounts, ChatRooms rooms,
              RealtimePublisher publisher, CallSignals signals, CallMetrics metrics, Transactions transactions,
              Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.rooms = rooms;
        this.publisher = publisher;
        this.updates = new RoomUpdates(rooms, publisher);
        this.signals = signals;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    CallView view(CallSession call) {
        return new CallView(call, profile(call.caller()), profile(call.callee()));
    }

    private PublicProfile profile(UserId user) {
        return accounts.findById(user).map(UserAccount::publicProfile).orElseThrow();
    }

    /** Locks the call for a step by {@code user}; inside a transaction. */
    CallSession lockFor(UserId user, CallId id) {
        return sessions.lock(id).filter(call -> call.hasParticipant(user)).orElseThrow(CallAccess::notFound);
    }

    /**
     * Rejects, cancels or ends a call by one participant's {@code step}; the other participant and the actor's
     * other devices are told.
     */
    CallView hangUp(AuthenticatedUser actor, SocketId socket, CallId id,
                    BiFunction<CallSession, Instant, CallSession> step) {
        Instant now = clock.instant();
        Finished finished = transactions.inTransaction(() -> finish(step.apply(lockFor(actor.id(), id), now)));
        CallView call = finished.call();
        afterCommit(call, () -> {
            signals.finished(call.session().otherThan(actor.id()), call);
            signals.finishedElsewhere(actor.id(), socket, call);
        });
        announce(finished);
        return call;
    }

    /** Stores the finished call and appends its message to the room; inside a transaction. */
    Finished finish(CallSession call) {
        sessions.update(call);
        LockedRoom locked = rooms.lockForAppend(call.roomId()).orElseThrow();
        ChatRoom room = locked.room();
        Message message = new Message(MessageId.newId(), room.id(), room.nextSeq(), call.caller(), MessageType.CALL,
                text(call), null, Map.of("callId", call.id().toString(), "outcome", call.status().wireName(),
                "durationSeconds", call.durationSeconds()), call.endedAt());
        // the entry is the caller's own, so it is not unread for them; but when they have unread messages it must
        // not mark those read unseen, so then it simply counts among them
        var pointers = locked.pointers();
        ReadPointers caller = pointers.get(call.caller());
        if (caller.readSeq() == message.seq() - 1) {
            pointers.put(call.caller(), caller.read(message.seq()));
        }
        var stored = rooms.append(message, pointers);
        return new Finished(view(call), new MessageView(message, stored.get(call.callee()).statusOf(message.seq())),
                locked, stored);
    }

    /** Counts the finished call and shows its message to both participants like any new message. */
    void announce(Finished finished) {
        CallSession call = finished.call().session();
        metrics.finished(call);
        afterCommit(finished.call(), () -> {
            publisher.newMessage(call.caller(), finished.message());
            publisher.newMessage(call.callee(), finished.message());
            updates.appended(finished.room(), finished.message(), finished.pointers());
        });
    }

    /** Runs a nudge to live sockets; the call is stored already, so a failure here only costs a live update. */
    void afterCommit(CallView call, Runnable nudge) {
        try {
            nudge.run();
        } catch (RuntimeException failure) {
            log.log(System.Logger.Level.WARNING, "announcing call " + call.session().id() + " failed", failure);
        }
    }

    private static String text(CallSession call) {
        return switch (call.status()) {
            case ENDED -> "Voice call, " + call.durationSeconds() + " s";
            case MISSED -> "Missed voice call";
            case REJECTED -> "Declined voice call";
            case CANCELLED -> "Cancelled voice call";
            case FAILED -> "Voice call failed";
            case RINGING, ACCEPTED -> throw new IllegalArgumentException("call " + call.id() + " is not over");
        };
    }
}
