package com.usdtagent.persistence;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Accounts in the {@code user_account} table. Joins the caller's transaction when there is one (see JdbiTransactions). */
final class JdbiUserAccounts implements UserAccounts {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT = """
            INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
            VALUES (:id, :username, :phone, :passwordHash, :role, :createdAt)
            """;
    private static final String SELECT = """
            SELECT id, username, phone, password_hash, role, created_at, banned_at
            FROM user_account
            """;
    private static final String BY_ID = SELECT + "WHERE id = :id";
    private static final String BY_IDS = SELECT + "WHERE id = ANY(:ids)";
    // lower(username) matches the unique index, so this is an index lookup
    private static final String BY_USERNAME = SELECT + "WHERE lower(username) = lower(:username)";
    private static final String BY_PHONE = SELECT + "WHERE phone = :phone";
    private static final String SET_PASSWORD = "UPDATE user_account SET password_hash = :hash WHERE id = :id";
    private static final String SET_BANNED = "UPDATE user_account SET banned_at = :at WHERE id = :id";

    private final Jdbi jdbi;

    JdbiUserAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(UserAccount account) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", account.id().value())
                    .bind("username", account.username().value())
                    .bind("phone", account.phone() == null ? null : account.phone().e164())
                    .bind("passwordHash", account.passwordHash())
                    .bind("role", account.role().wireName())
                    .bind("createdAt", Timestamps.utc(account.createdAt()))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new BusinessException(ErrorCode.CONFLICT, "The username or phone number is already taken");
            }
            throw e;
        }
    }

    @Override
    public Optional<UserAccount> findById(UserId id) {
        return findOne(BY_ID, "id", id.value());
    }

    @Override
    public List<UserAccount> findAllById(Collection<UserId> ids) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_IDS)
                .bind("ids", SqlArrays.array("uuid", ids.stream().map(UserId::value).toList()))
                .map(JdbiUserAccounts::toAccount).list());
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        return findOne(BY_USERNAME, "username", username.value());
    }

    @Override
    public Optional<UserAccount> findByPhone(PhoneNumber phone) {
        return findOne(BY_PHONE, "phone", phone.e164());
    }

    @Override
    public void changePasswordHash(UserId id, String passwordHash) {
        jdbi.useHandle(handle -> handle.createUpdate(SET_PASSWORD).bind("id", id.value()).bind("hash", passwordHash)
                .execute());
    }

    @Override
    public void setBannedAt(UserId id, Instant bannedAt) {
        jdbi.useHandle(handle -> handle.createUpdate(SET_BANNED).bind("id", id.value())
                .bind("at", Timestamps.utcOrNull(bannedAt)).execute());
    }

    private Optional<UserAccount> findOne(String sql, String parameter, Object value) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind(parameter, value)
                .map(JdbiUserAccounts::toAccount)
                .findOne());
    }

    private static UserAccount toAccount(ResultSet row, StatementContext context) throws SQLException {
        String phone = row.getString("phone");
        return new UserAccount(
                new UserId(row.getObject("id", UUID.class)),
                new Username(row.getString("username")),
                phone == null ? null : new PhoneNumber(phone),
                row.getString("password_hash"),
                role(row.getString("role")),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "banned_at"));
    }

    /** The role stored under its wire name. */
    static Role role(String wireName) {
        return Role.valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
