package com.usdtagent.persistence;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Blocks in {@code user_block}, one row per blocker and blocked. */
final class JdbiBlocks implements Blocks {

    private static final String INSERT = """
            INSERT INTO user_block (blocker_id, blocked_id, created_at) VALUES (:blocker, :blocked, :at)
            ON CONFLICT DO NOTHING
            """;
    private static final String DELETE = "DELETE FROM user_block WHERE blocker_id = :blocker AND blocked_id = :blocked";
    private static final String OF = """
            SELECT blocked_id, created_at FROM user_block WHERE blocker_id = :blocker
            ORDER BY created_at DESC, blocked_id
            """;
    private static final String BETWEEN = """
            SELECT EXISTS (SELECT 1 FROM user_block WHERE (blocker_id = :one AND blocked_id = :other)
                                                       OR (blocker_id = :other AND blocked_id = :one))
            """;
    private static final String BLOCKERS_OF = "SELECT blocker_id FROM user_block WHERE blocked_id = :user";

    private final Jdbi jdbi;

    JdbiBlocks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(UserId blocker, UserId blocked, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT).bind("blocker", blocker.value())
                .bind("blocked", blocked.value()).bind("at", Timestamps.utc(at)).execute());
    }

    @Override
    public void remove(UserId blocker, UserId blocked) {
        jdbi.useHandle(handle -> handle.createUpdate(DELETE).bind("blocker", blocker.value())
                .bind("blocked", blocked.value()).execute());
    }

    @Override
    public List<Block> of(UserId blocker) {
        return jdbi.withHandle(handle -> handle.createQuery(OF).bind("blocker", blocker.value())
                .map((row, context) -> new Block(new UserId(row.getObject("blocked_id", UUID.class)),
                        Timestamps.instant(row, "created_at")))
                .list());
    }

    @Override
    public boolean between(UserId one, UserId other) {
        return jdbi.withHandle(handle -> handle.createQuery(BETWEEN).bind("one", one.value())
                .bind("other", other.value()).mapTo(Boolean.class).one());
    }

    @Override
    public Set<UserId> blockersOf(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(BLOCKERS_OF).bind("user", user.value())
                .map((row, context) -> new UserId(row.getObject("blocker_id", UUID.class)))
                .collect(Collectors.toCollection(HashSet::new)));
    }
}
