package com.usdtagent.application.chain;

import java.util.Objects;

/** A block the deposit follower read up to, with its hash then: if the hash changes, the chain was reorganised. */
public record ScannedBlock(long number, String hash) {

    public ScannedBlock {
        Objects.requireNonNull(hash, "hash");
    }
}
