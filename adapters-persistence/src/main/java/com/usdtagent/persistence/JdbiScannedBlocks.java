package com.usdtagent.persistence;

import com.usdtagent.application.chain.ScannedBlock;
import com.usdtagent.application.chain.ScannedBlocks;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** The deposit follower's place in {@code chain_scanned_block}. */
final class JdbiScannedBlocks implements ScannedBlocks {

    private final Jdbi jdbi;

    JdbiScannedBlocks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<ScannedBlock> newestFirst() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT number, hash FROM chain_scanned_block ORDER BY number DESC")
                .map((row, context) -> new ScannedBlock(row.getLong("number"), row.getString("hash")))
                .list());
    }

    @Override
    public void add(ScannedBlock block, long keepFrom) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO chain_scanned_block (number, hash) VALUES (:number, :hash)
                            ON CONFLICT (number) DO UPDATE SET hash = excluded.hash
                            """)
                    .bind("number", block.number())
                    .bind("hash", block.hash())
                    .execute();
            handle.createUpdate("DELETE FROM chain_scanned_block WHERE number < :keepFrom AND number <> :number")
                    .bind("keepFrom", keepFrom)
                    .bind("number", block.number())
                    .execute();
        });
    }

    @Override
    public void forgetAbove(long number) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM chain_scanned_block WHERE number > :number")
                .bind("number", number)
                .execute());
    }
}
