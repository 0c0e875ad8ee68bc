package com.usdtagent.memory;

import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sessions by id, and every refresh hash each was given, as {@code JdbiLoginSessions}. */
final class MemoryLoginSessions implements LoginSessions {

    private final MemoryStore store;
    private final Table<SessionId, LoginSession> sessions;
    private final Table<String, SessionId> byRefreshHash;

    MemoryLoginSessions(MemoryStore store) {
        this.store = store;
        this.sessions = new Table<>(store);
        this.byRefreshHash = new Table<>(store);
    }

    @Override
    public void add(LoginSession session) {
        store.atomically(() -> {
            sessions.insert(session.id(), session);
            byRefreshHash.insertIfAbsent(session.refreshHash(), session.id());
        });
    }

    @Override
    public Optional<LoginSession> find(SessionId id) {
        return sessions.find(id);
    }

    @Override
    public List<LoginSession> findAll(Collection<SessionId> ids) {
        Set<SessionId> wanted = Set.copyOf(ids);
        return sessions.values(session -> wanted.contains(session.id()));
    }

    @Override
    public Optional<LoginSession> lockByRefreshHash(String refreshHash) {
        return store.read(() -> byRefreshHash.find(refreshHash)).flatMap(sessions::lock);
    }

    @Override
    public void update(LoginSession session) {
        store.atomically(() -> {
            if (sessions.lock(session.id()).isPresent()) {
                sessions.put(session.id(), session);
                byRefreshHash.insertIfAbsent(session.refreshHash(), session.id());
            }
        });
    }

    @Override
    public void deleteUsedLastBefore(Instant cutoff) {
        store.atomically(() -> {
            List<SessionId> ended = sessions.values(session -> session.lastUsedAt().isBefore(cutoff)).stream()
                    .map(LoginSession::id).toList();
            ended.forEach(sessions::delete);
            byRefreshHash.rows(ended::contains).forEach(row -> byRefreshHash.delete(row.getKey()));
        });
    }

    @Override
    public List<LoginSession> unrevokedOf(UserId user) {
        return sessions.values(session -> session.user().equals(user) && session.revokedAt() == null).stream()
                .sorted(Comparator.comparing(LoginSession::lastUsedAt).reversed()
                        .thenComparing(session -> session.id().value()))
                .toList();
    }
}
