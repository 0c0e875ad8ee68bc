package com.usdtagent.memory;

import com.usdtagent.application.chain.ScannedBlock;
import com.usdtagent.application.chain.ScannedBlocks;

import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

/** The deposit follower's place, as {@code JdbiScannedBlocks}: a block's hash by its number. */
final class MemoryScannedBlocks implements ScannedBlocks {

    private final MemoryStore store;
    private final Table<Long, String> blocks;

    MemoryScannedBlocks(MemoryStore store) {
        this.store = store;
        this.blocks = new Table<>(store);
    }

    @Override
    public List<ScannedBlock> newestFirst() {
        return blocks.rows(hash -> true).stream()
                .map(row -> new ScannedBlock(row.getKey(), row.getValue()))
                .sorted(Comparator.comparingLong(ScannedBlock::number).reversed())
                .toList();
    }

    @Override
    public void add(ScannedBlock block, long keepFrom) {
        store.atomically(() -> {
            blocks.put(block.number(), block.hash());
            forget(number -> number < keepFrom && number != block.number());
        });
    }

    @Override
    public void forgetAbove(long number) {
        store.atomically(() -> forget(recorded -> recorded > number));
    }

    private void forget(LongPredicate numbers) {
        blocks.rows(hash -> true).stream().map(row -> row.getKey())
                .filter(numbers::test)
                .forEach(blocks::delete);
    }
}
