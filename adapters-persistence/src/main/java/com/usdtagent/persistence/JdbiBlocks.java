package com.usdtagent.persistence;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
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
    static final String BLOCKED_AMONG = """
            SELECT pair.one, pair.other FROM unnest(:ones, :others) AS pair (one, other)
            WHERE EXISTS (SELECT 1 FROM user_block WHERE (blocker_id = pair.one AND blocked_id = pair.other)
                                                      OR (blocker_id = pair.other AND blocked_id = pair.one))
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
    public Set<Pair> blockedAmong(Collection<Pair> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(BLOCKED_AMONG)
                .bind("ones", SqlArrays.array("uuid", pairs.stream().map(pair -> pair.one().value()).toList()))
                .bind("others", SqlArrays.array("uuid", pairs.stream().map(pair -> pair.other().value()).toList()))
                .map((row, context) -> new Pair(new UserId(row.getObject("one", UUID.class)),
                        new UserId(row.getObject("other", UUID.class))))
                .collect(Collectors.toSet()));
    }

    @Override
    public Set<UserId> blockersOf(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(BLOCKERS_OF).bind("user", user.value())
                .map((row, context) -> new UserId(row.getObject("blocker_id", UUID.class)))
                .collect(Collectors.toCollection(HashSet::new)));
    }
}
