package com.usdtagent.application.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One {@code Transfer} log of the token.
 *
 * @param logIndex  the log's index as the chain numbers it
 * @param blockHash the block it was read from, to tell later whether that block is still on the chain
 * @param units     the amount in the token's smallest unit (USDT has 6 decimals)
 */
public record TokenTransfer(String txHash, int logIndex, long blockNumber, String blockHash, String to,
                            BigInteger units) {

    public TokenTransfer {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(units, "units");
    }
}
