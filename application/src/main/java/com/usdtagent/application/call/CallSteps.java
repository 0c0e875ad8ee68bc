package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.MessageType;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the call use cases share: loading a call for a participant, finishing a call with its room message, and
 * telling the participants' sockets after the commit.
 */
final class CallSteps {

    private static final System.Logger log = System.getLogger(CallSteps.class.getName());

    /** A call that just finished and the message it left in its room. */
    record Finished(CallView call, RoomPosts.Posted message) {
    }

    private final CallSessions sessions;
    private final UserAccounts accounts;
    private final RoomPosts posts;
    private final CallSignals signals;
    private final CallMetrics metrics;
    private final Transactions transactions;
    private final Clock clock;

    CallSteps(CallSessions sessions, UserAccounts accounts, RoomPosts posts, CallSignals signals, CallMetrics metrics,
              Transactions transactions, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.posts = posts;
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

    /** Stores the finished call and posts its message, the caller's, to the room; inside a transaction. */
    Finished finish(CallSession call) {
        sessions.update(call);
        var posted = posts.post(new RoomPosts.Post(call.roomId(), call.caller(), call.caller(), MessageType.CALL,
                text(call), null, Map.of("callId", call.id().toString(), "outcome", call.status().wireName(),
                "durationSeconds", call.durationSeconds()), call.endedAt()));
        return new Finished(view(call), posted);
    }

    /** After the commit: the callee's devices ring. */
    void rang(CallView call) {
        metrics.started();
        afterCommit(call, () -> signals.incoming(call.session().callee(), call));
    }

    /** After the commit: the caller hears the call was answered, and the callee's other devices stop ringing. */
    void answered(CallView call, SocketId answering) {
        metrics.answered();
        afterCommit(call, () -> {
            signals.accepted(call.session().caller(), call);
            signals.answeredElsewhere(call.session().callee(), answering, call.session().id());
        });
    }

    /** After the commit: both participants hear that the server closed the call, and see its message. */
    void closed(Finished finished) {
        CallView call = finished.call();
        afterCommit(call, () -> {
            signals.finished(call.session().caller(), call);
            signals.finished(call.session().callee(), call);
        });
        announce(finished);
    }

    /** Counts the finished call and shows its message to both participants. */
    private void announce(Finished finished) {
        metrics.finished(finished.call().session());
        posts.announce(finished.message());
    }

    /** Runs a nudge to live sockets; the call is stored already, so a failure here only costs a live update. */
    private void afterCommit(CallView call, Runnable nudge) {
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
