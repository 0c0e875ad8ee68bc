package com.usdtagent.memory;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Blocks by blocker and blocked, as {@code JdbiBlocks}. */
final class MemoryBlocks implements Blocks {

    private record Pair(UserId blocker, UserId blocked) {
    }

    private final MemoryStore store;
    private final Table<Pair, Instant> blocks;

    MemoryBlocks(MemoryStore store) {
        this.store = store;
        this.blocks = new Table<>(store);
    }

    @Override
    public void add(UserId blocker, UserId blocked, Instant at) {
        store.atomically(() -> blocks.insertIfAbsent(new Pair(blocker, blocked), at));
    }

    @Override
    public void remove(UserId blocker, UserId blocked) {
        store.atomically(() -> blocks.delete(new Pair(blocker, blocked)));
    }

    @Override
    public List<Block> of(UserId blocker) {
        return blocks.rows(at -> true).stream().filter(row -> row.getKey().blocker().equals(blocker))
                .map(row -> new Block(row.getKey().blocked(), row.getValue()))
                .sorted(Comparator.comparing(Block::at).reversed().thenComparing(block -> block.blocked().value()))
                .toList();
    }

    @Override
    public boolean between(UserId one, UserId other) {
        return blocks.find(new Pair(one, other)).isPresent() || blocks.find(new Pair(other, one)).isPresent();
    }

    @Override
    public Set<UserId> blockersOf(UserId user) {
        return blocks.rows(at -> true).stream().filter(row -> row.getKey().blocked().equals(user))
                .map(row -> row.getKey().blocker()).collect(Collectors.toSet());
    }
}
