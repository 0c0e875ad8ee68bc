package com.usdtagent.application.chain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The chain as the USDT token shows it: its blocks, the token's {@code Transfer} logs, and the transactions the hot
 * wallet sends. An EVM chain with an ERC-20 token implements it, and so can TRON with its TRC-20 token, whose
 * {@code Transfer} event is the same. Addresses go in and come out in the chain's canonical form.
 */
public interface TokenChain {

    /** The number of the newest block. */
    long latestBlock();

    /** The hash of the block at {@code number} on the chain as it is now; empty when the chain is not that long. */
    Optional<String> blockHash(long number);

    /** The token's transfers to any of {@code addresses} in the blocks {@code fromBlock..toBlock}, both included. */
    List<TokenTransfer> transfersTo(Collection<String> addresses, long fromBlock, long toBlock);

    /** Whether {@code address} is an address of this chain, and its canonical form. Needs no network. */
    AddressCheck check(String address);

    /**
     * Hands a signed transaction to the network. Broadcasting one the network already has (pending or mined) is
     * harmless and succeeds.
     *
     * @throws RuntimeException when the network refused it, or could not be reached
     */
    void broadcast(SignedTransfer transfer);

    /** What became of a transaction: empty while it is not in a block of the chain as it is now. */
    Optional<TransferReceipt> receipt(String txHash);
}
