package com.usdtagent.memory;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Blocks by blocker and blocked, as {@code JdbiBlocks}. */
final class MemoryBlocks implements Blocks {

    private record Row(UserId blocker, UserId blocked) {
    }

    private final MemoryStore store;
    private final Table<Row, Instant> blocks;

    MemoryBlocks(MemoryStore store) {
        this.store = store;
        this.blocks = new Table<>(store);
    }

    @Override
    public void add(UserId blocker, UserId blocked, Instant at) {
        store.atomically(() -> blocks.insertIfAbsent(new Row(blocker, blocked), at));
    }

    @Override
    public void remove(UserId blocker, UserId blocked) {
        store.atomically(() -> blocks.delete(new Row(blocker, blocked)));
    }

    @Override
    public List<Block> of(UserId blocker) {
        return blocks.rows(at -> true).stream().filter(row -> row.getKey().blocker().equals(blocker))
                .map(row -> new Block(row.getKey().blocked(), row.getValue()))
                .sorted(Comparator.comparing(Block::at).reversed().thenComparing(block -> block.blocked().value()))
                .toList();
    }

    @Override
    public Set<Pair> blockedAmong(Collection<Pair> pairs) {
        return pairs.stream().filter(pair -> blocks.find(new Row(pair.one(), pair.other())).isPresent()
                || blocks.find(new Row(pair.other(), pair.one())).isPresent()).collect(Collectors.toSet());
    }

    @Override
    public Set<UserId> blockersOf(UserId user) {
        return blocks.rows(at -> true).stream().filter(row -> row.getKey().blocked().equals(user))
                .map(row -> row.getKey().blocker()).collect(Collectors.toSet());
    }
}
