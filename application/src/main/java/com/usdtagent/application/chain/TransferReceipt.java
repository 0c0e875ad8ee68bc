package com.usdtagent.application.chain;

/**
 * A transaction in a block.
 *
 * @param succeeded false when it reverted: it used its nonce, but moved no token
 */
public record TransferReceipt(String txHash, long blockNumber, String blockHash, boolean succeeded) {
}
