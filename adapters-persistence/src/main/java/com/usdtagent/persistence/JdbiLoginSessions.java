package com.usdtagent.persistence;

import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions in {@code login_session}, and every refresh hash they were given in {@code refresh_token}. */
final class JdbiLoginSessions implements LoginSessions {

    private static final String COLUMNS = "id, user_id, refresh_hash, created_at, last_used_at, user_agent, revoked_at";
    private static final String INSERT = """
            INSERT INTO login_session (id, user_id, refresh_hash, created_at, last_used_at, user_agent, revoked_at)
            VALUES (:id, :user, :refreshHash, :createdAt, :lastUsedAt, :userAgent, :revokedAt)
            """;
    private static final String REMEMBER_HASH = """
            INSERT INTO refresh_token (hash, session_id) VALUES (:refreshHash, :id) ON CONFLICT (hash) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE login_session SET refresh_hash = :refreshHash, last_used_at = :lastUsedAt, revoked_at = :revokedAt
            WHERE id = :id
            """;
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM login_session WHERE id = :id";
    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM login_session WHERE id = ANY(:ids)";
    private static final String LOCK_BY_HASH = "SELECT " + COLUMNS + " FROM login_session"
            + " WHERE id = (SELECT session_id FROM refresh_token WHERE hash = :hash) FOR UPDATE";
    private static final String UNREVOKED_OF = "SELECT " + COLUMNS + " FROM login_session"
            + " WHERE user_id = :user AND revoked_at IS NULL ORDER BY last_used_at DESC, id";

    private static final String DELETE_ENDED = """
            DELETE FROM login_session WHERE last_used_at < :cutoff
            """;

    private final Jdbi jdbi;

    JdbiLoginSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(LoginSession session) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(INSERT).bindMap(columns(session)).execute();
            handle.createUpdate(REMEMBER_HASH).bindMap(columns(session)).execute();
        });
    }

    @Override
    public Optional<LoginSession> find(SessionId id) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_ID).bind("id", id.value())
                .map(JdbiLoginSessions::toSession).findOne());
    }

    @Override
    public List<LoginSession> findAll(Collection<SessionId> ids) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_IDS)
                .bind("ids", SqlArrays.array("uuid", ids.stream().map(SessionId::value).toList()))
                .map(JdbiLoginSessions::toSession).list());
    }

    @Override
    public Optional<LoginSession> lockByRefreshHash(String refreshHash) {
        return jdbi.withHandle(handle -> handle.createQuery(LOCK_BY_HASH).bind("hash", refreshHash)
                .map(JdbiLoginSessions::toSession).findOne());
    }

    @Override
    public void update(LoginSession session) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(UPDATE).bindMap(columns(session)).execute();
            handle.createUpdate(REMEMBER_HASH).bindMap(columns(session)).execute();
        });
    }

    @Override
    public List<LoginSession> unrevokedOf(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(UNREVOKED_OF).bind("user", user.value())
                .map(JdbiLoginSessions::toSession).list());
    }

    @Override
    public void deleteUsedLastBefore(Instant cutoff) {
        // their refresh_token rows go with them (ON DELETE CASCADE)
        jdbi.useHandle(handle -> handle.createUpdate(DELETE_ENDED).bind("cutoff", Timestamps.utc(cutoff)).execute());
    }

    private static Map<String, Object> columns(LoginSession session) {
        var columns = new HashMap<String, Object>();
        columns.put("id", session.id().value());
        columns.put("user", session.user().value());
        columns.put("refreshHash", session.refreshHash());
        columns.put("createdAt", Timestamps.utc(session.createdAt()));
        columns.put("lastUsedAt", Timestamps.utc(session.lastUsedAt()));
        columns.put("userAgent", session.userAgent());
        columns.put("revokedAt", Timestamps.utcOrNull(session.revokedAt()));
        return columns;
    }

    private static LoginSession toSession(ResultSet row, StatementContext context) throws SQLException {
        return new LoginSession(new SessionId(row.getObject("id", UUID.class)),
                new UserId(row.getObject("user_id", UUID.class)), row.getString("refresh_hash"),
                Timestamps.instant(row, "created_at"), Timestamps.instant(row, "last_used_at"),
                row.getString("user_agent"), Timestamps.instant(row, "revoked_at"));
    }
}
