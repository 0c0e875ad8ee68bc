package com.usdtagent.application.chain;

import java.util.List;

/** Where the deposit follower stopped: the last blocks it read up to. Joins the caller's transaction. */
public interface ScannedBlocks {

    /** Newest first; the newest is where reading goes on. Empty before the first read. */
    List<ScannedBlock> newestFirst();

    /** Records that reading got to {@code block}, and forgets the records below {@code keepFrom}. */
    void add(ScannedBlock block, long keepFrom);

    /** Forgets the records above {@code number}, whose blocks left the chain. */
    void forgetAbove(long number);
}
