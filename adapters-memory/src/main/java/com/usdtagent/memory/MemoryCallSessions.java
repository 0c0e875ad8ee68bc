package com.usdtagent.memory;

import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.call.CallStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Calls by id, as {@code JdbiCallSessions}; the abandoned-call claim reads the shared presence rows. */
final class MemoryCallSessions implements CallSessions {

    private static final Comparator<CallSession> OLDEST_FIRST = Comparator.comparing(CallSession::startedAt);
    private static final Comparator<CallSession> NEWEST_FIRST = Comparator.comparing(CallSession::startedAt)
            .thenComparing(call -> call.id().value(), Uuids.POSTGRES_ORDER)
            .reversed();

    private final MemoryStore store;
    private final PresenceTables presence;
    private final Table<CallId, CallSession> calls;
    /** {@code call_session.answered_socket}, written under the call's row lock. */
    private final Table<CallId, SocketId> answeringSockets;

    MemoryCallSessions(MemoryStore store, PresenceTables presence) {
        this.store = store;
        this.presence = presence;
        this.calls = new Table<>(store);
        this.answeringSockets = new Table<>(store);
    }

    private static boolean isActive(CallSession call) {
        return call.status() == CallStatus.RINGING || call.status() == CallStatus.ACCEPTED;
    }

    @Override
    public void lockParticipants(UserId one, UserId other) {
        store.atomically(() -> presence.lockAccounts(List.of(one, other)));
    }

    @Override
    public boolean anyInActiveCall(UserId one, UserId other) {
        Set<UserId> pair = Set.of(one, other);
        return !calls.rows(call -> isActive(call) && (pair.contains(call.caller()) || pair.contains(call.callee())))
                .isEmpty();
    }

    @Override
    public void add(CallSession call) {
        store.atomically(() -> calls.insert(call.id(), call));
    }

    @Override
    public Optional<CallSession> findById(CallId id) {
        return calls.find(id);
    }

    @Override
    public Optional<CallSession> lock(CallId id) {
        return store.atomically(() -> calls.lock(id));
    }

    @Override
    public void update(CallSession call) {
        // only the status and its times change, as the UPDATE sets only those
        store.atomically(() -> calls.lock(call.id()).ifPresent(stored -> calls.put(call.id(), new CallSession(
                stored.id(), stored.roomId(), stored.caller(), stored.callee(), call.status(), stored.channelName(),
                stored.callerUid(), stored.calleeUid(), stored.startedAt(), call.answeredAt(), call.endedAt()))));
    }

    @Override
    public void answeredOn(CallId call, SocketId socket) {
        store.atomically(() -> calls.lock(call).ifPresent(stored -> answeringSockets.put(call, socket)));
    }

    @Override
    public Optional<SocketId> answeringSocket(CallId call) {
        return answeringSockets.find(call);
    }

    @Override
    public List<CallSession> claimRingingSince(Instant cutoff, int limit) {
        return store.atomically(() -> calls.claim(
                call -> call.status() == CallStatus.RINGING && call.startedAt().isBefore(cutoff), OLDEST_FIRST, limit));
    }

    @Override
    public List<CallSession> claimAbandoned(Instant cutoff, int limit) {
        return store.atomically(() -> calls.claim(call -> isActive(call) && hasGoneParticipant(call, cutoff),
                OLDEST_FIRST, limit));
    }

    /**
     * A participant is gone when no socket of theirs is left and their last one closed before the cutoff (never
     * seen: since the call started). While a call rings only the caller counts.
     */
    private boolean hasGoneParticipant(CallSession call, Instant cutoff) {
        Predicate<UserId> gone = user -> !presence.hasSocket(user)
                && presence.lastSeen.find(user).orElse(call.startedAt()).isBefore(cutoff);
        return gone.test(call.caller()) || (call.status() == CallStatus.ACCEPTED && gone.test(call.callee()));
    }

    @Override
    public List<CallSession> history(UserId participant, ListCalls.Query query, int limit) {
        return store.read(() -> {
            Optional<CallSession> before = query.before().map(id -> calls.find(id).orElse(null));
            if (query.before().isPresent() && before.isEmpty()) {
                // nothing is older than a call that does not exist, as the row comparison with NULL is never true
                return List.of();
            }
            return calls.values(call -> call.hasParticipant(participant)
                            && query.room().map(call.roomId()::equals).orElse(true)
                            && before.map(older -> NEWEST_FIRST.compare(call, older) > 0).orElse(true))
                    .stream().sorted(NEWEST_FIRST).limit(limit).toList();
        });
    }
}
