package com.usdtagent.application.call;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored calls. The methods that lock join the caller's transaction and hold their locks until it ends. */
public interface CallSessions {

    /** Locks both users' accounts, in a fixed order, so that two calls that involve either of them take turns. */
    void lockParticipants(UserId one, UserId other);

    /** Whether either user rings or talks in a call now. */
    boolean anyInActiveCall(UserId one, UserId other);

    void add(CallSession call);

    Optional<CallSession> findById(CallId id);

    /** Reads the call and holds its row lock, so that two steps on one call take turns. */
    Optional<CallSession> lock(CallId id);

    /** Stores the call's new status and times. */
    void update(CallSession call);

    /** Remembers the callee's socket that answered the call, the only one of theirs its signals go to and from. */
    void answeredOn(CallId call, SocketId socket);

    /** The callee's socket that answered the call; empty while it rings. */
    Optional<SocketId> answeringSocket(CallId call);

    /** Locks up to {@code limit} calls still ringing that started before {@code cutoff}, skipping those locked elsewhere. */
    List<CallSession> claimRingingSince(Instant cutoff, int limit);

    /**
     * Locks up to {@code limit} active calls with a participant who has had no socket since before {@code cutoff},
     * skipping those locked elsewhere. While a call rings only the caller counts: an absent callee may yet be woken
     * by the push, and the ring timeout ends the wait.
     */
    List<CallSession> claimAbandoned(Instant cutoff, int limit);

    /** Up to {@code limit} calls of the participant matching the query, newest first. */
    List<CallSession> history(UserId participant, ListCalls.Query query, int limit);
}
